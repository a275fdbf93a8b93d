/**
 * Stage 4, emit: the files beside the HTML pages, from the same graph. {@link
 * io.answersite.emit.MachineFiles} lists the machine-readable ones (Markdown twins, llms.txt,
 * llms-full.txt, llms.json, the sitemap, robots.txt, the Atom feeds and the JSON Schemas; the search
 * index is the next stage, {@code search}, which the facade runs after this one); beside them the theme's and the site's static files
 * ({@link io.answersite.emit.StaticAssets}, CSS and JS also under fingerprinted names), files of the
 * content folder that pages link to ({@link io.answersite.emit.ContentAssets}), the hosting rules
 * {@code _headers} and {@code _redirects} ({@link io.answersite.emit.HostingFiles}) and the nginx
 * snippet translated from them ({@link io.answersite.emit.NginxSnippet}). Each emitter writes sorted
 * output so that builds are byte-for-byte reproducible.
 */
package io.answersite.emit;
