/**
 * Stage 4, emit: the files beside the HTML pages, from the same graph: static assets now, and the
 * machine-readable files (sitemap, feeds, llms files) as they are added. Each emitter writes sorted
 * output so that builds are byte-for-byte reproducible.
 */
package io.answersite.emit;
