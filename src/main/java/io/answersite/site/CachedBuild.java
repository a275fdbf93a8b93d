package io.answersite.site;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.cache.BuildCache;
import io.answersite.cache.Fingerprint;
import io.answersite.cache.FragmentSpill;
import io.answersite.cache.FragmentFile;
import io.answersite.cache.Fragments;
import io.answersite.cache.InputDigest;
import io.answersite.check.BuiltSiteCheck;
import io.answersite.check.PageFactsFiles;
import io.answersite.check.SecretScanner;
import io.answersite.config.CheckSettings;
import io.answersite.content.ContentLoader;
import io.answersite.content.LoadCache;
import io.answersite.content.Page;
import io.answersite.content.PageStructure;
import io.answersite.diagnostic.Rules;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.render.PageCounts;
import io.answersite.render.RenderCache;
import io.answersite.sink.OutputManifest;
import io.answersite.text.ParkedBytes;
import io.answersite.work.Background;
import io.answersite.work.Lazy;
import io.answersite.work.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A build with the build cache around it: the inputs fingerprinted, an unchanged site answered from
 * the cache, the load, render and fragment caches restored before the build and kept after it. Apart
 * from {@link Answersite} so that the facade reads as the stages in order and the cache's bookkeeping
 * reads as one story.
 */
final class CachedBuild {

    private final Answersite site;
    private final BuildListener listener;

    CachedBuild(Answersite site, BuildListener listener) {
        this.site = site;
        this.listener = listener;
    }

    /**
     * The Markdown renderer, made on a thread of its own from now on with the page-reading code run
     * once ({@link ContentLoader#warmUp}): started before the cache is restored, so that the
     * first changed page is read with that code loaded.
     */
    private static Background<MarkdownRenderer> markdownInBackground() {
        return Background.start("answersite-markdown", () -> {
            MarkdownRenderer markdown = new MarkdownRenderer();
            ContentLoader.warmUp(markdown, new YAMLFactory(), new SecretScanner(CheckSettings.DEFAULTS));
            return markdown;
        });
    }

    /** As {@link Answersite#build(BuildRequest, Path)}, the output folder already locked. */
    BuildResult run(BuildRequest request, Path cacheDir) {
        // closed at the end: pages' bodies restored from the cache are read back from its files until then
        try (BuildCache cache = BuildCache.forSite(cacheDir, siteFolders(request))) {
            return run(request, cache);
        }
    }

    private BuildResult run(BuildRequest request, BuildCache cache) {
        StageTimes times = new StageTimes(listener);
        String plugin = new Fingerprint().addCodeOf(Answersite.class).hex();
        Fingerprint fingerprint = new Fingerprint();
        String inputs = times.time("fingerprint", () -> fingerprint.add("plugin", plugin)
                .add("request", request.baseUrl().orElse("") + "\n" + request.includeDrafts() + "\n" + request.today()
                        + "\n" + request.outputDir().toAbsolutePath().normalize())
                .addFile("config", request.configFile()).addTree("content", request.contentDir())
                .addTree("templates", request.templatesDir()).addTree("static", request.staticDir()).hex());
        // listed once, under the output lock: to answer an unchanged site, to trust untouched files, to commit.
        // Only a site whose inputs are as the last build recorded can be answered from the cache, so only
        // then is the listing waited for here; otherwise it is taken on a thread of its own while the
        // caches are restored and the content loads (the render asks for it first)
        OutputListing listing;
        if (cache.recordsInputs(inputs)) {
            OutputManifest listed = times.time("fingerprint", () -> OutputManifest.of(request.outputDir()));
            Optional<BuildCache.Outcome> known = cache.upToDate(inputs, listed);
            if (known.isPresent()) {
                return answered(known.get(), times);
            }
            listing = OutputListing.of(listed, cache);
        } else {
            listing = OutputListing.start(request.outputDir(), cache);
        }
        try {
            return run(request, cache, times, plugin, fingerprint, inputs, listing);
        } finally {
            listing.awaitQuietly(); // it reads the cache's record of the output, which closes after this
        }
    }

    private static BuildResult answered(BuildCache.Outcome outcome, StageTimes times) {
        PageCounts pages = new PageCounts();
        outcome.pagesByKind().forEach((kind, languages) -> languages.forEach((language, count) -> {
            for (int i = 0; i < count; i++) {
                pages.add(kind, language);
            }
        }));
        return new BuildResult(outcome.diagnostics(), pages, outcome.staticFiles(), outcome.heldBack(), times,
                true, outcome.maxLinesPerRule(), 0, true, Optional.empty());
    }

    private BuildResult run(BuildRequest request, BuildCache cache, StageTimes times, String plugin,
                            Fingerprint fingerprint, String inputs, OutputListing listing) {
        // the page-reading code is loaded and run once while the cache is restored: the load asks for it
        Background<MarkdownRenderer> markdown = markdownInBackground();
        String renderKey = new Fingerprint().add("plugin", plugin).addFile("config", request.configFile())
                .add("request", request.baseUrl().orElse("") + "\n" + request.includeDrafts()).hex();
        String loadKey = new Fingerprint().add("plugin", plugin).addFile("config", request.configFile())
                .add("root", request.siteRoot().toAbsolutePath().normalize().toString()).hex();
        LoadCache loads = times.time("restore", () -> cache.loads(loadKey)); // unreadable: empty, every file is read
        byte[] loadsFound = cache.loadState();
        Map<Path, byte[]> fileHashes = fingerprint.takeFileHashes();
        loads.useHashes(fileHashes); // hashed a moment ago for the fingerprint: not again
        fingerprint.takeListing(request.contentDir()).ifPresent(files -> loads.useListing(request.contentDir(), files));
        // pages are compared by what they are made from; a page or snippet record by its file's path and bytes.
        // One digest for the render and the emitters: what both read is digested once
        InputDigest digests = new InputDigest(loads::fileDigestOf);
        RenderCache renders = times.time("restore", () -> cache.open(BuildCache.RENDER_FILE).map(in -> {
            try (in) {
                return RenderCache.readFrom(in, renderKey, request.outputDir(), digests);
            } catch (IOException | RuntimeException e) {
                return RenderCache.published(request.outputDir(), digests); // unreadable: render everything
            }
        }).orElseGet(() -> RenderCache.published(request.outputDir(), digests)));
        renders.trustUntouched(listing::untouched);
        // asked when the first page is rendered, after the load has read the changed files again. What
        // decides which pages the graph publishes, and which files of the content folder links reach,
        // besides the pages: the day, and the other files of the content folder
        Supplier<Optional<List<LoadCache.Changed>>> ownTextChanges = new Lazy<>(() -> onlyOwnTextsChanged(loads));
        renders.keepInputsUnless(request.today() + "\n" + otherContentFiles(request.contentDir(), fileHashes),
                loadsFound, () -> ownTextChanges.get().map(changes -> changes.stream()
                        .map(change -> RenderCache.recordId(change.fileDigestBefore())).collect(Collectors.toSet())));
        // fragments and bodies beyond their budgets go to disk as they are made; those files are deleted at the end
        try (FragmentSpill spill = cache.spill(site.fragmentBudget());
             ParkedBytes parked = cache.parking(site.bodyBudget())) {
            loads.parkBodiesIn(parked);
            // the fragments' keys and digests are read on a thread of their own while the content loads:
            // the checks ask for the first of them, after the graph, which leaves a core idle
            Background<Map<String, FragmentFile.Stored>> previous = Background.start("answersite-fragments",
                    () -> cache.fragments(renderKey));
            Fragments fragments = Fragments.onDisk(digests, previous::get,
                    request.outputDir(), listing::untouched, spill);
            fragments.parkLargeValuesIn(parked);
            // a page whose own page took back its inputs read nothing that changed: nor did its twin and
            // llms.json entry, whose inputs are part of what the page reads
            fragments.trustInputsOf(source -> source instanceof Page page && renders.inputsKept(page.key()));
            // and the files made from the site's structure alone, when no edit touched it
            fragments.trustStructureWhen(renders::structureKept);
            // the checks ask which files changed only in their own pages' texts, after the load
            fragments.trustPagesWhen(() -> renders.loadsAsLeft() ? ownTextChanges.get().map(changes -> changes.stream()
                    .map(change -> ((Page) change.after()).sourcePath()).collect(Collectors.toSet())) : Optional.empty());
            // the built-site facts too, which the render asks for first
            Background<BuiltSiteCheck.Memory> facts = Background.start("answersite-facts",
                    () -> PageFactsFiles.read(cache::open, renderKey));
            // the cache files whose entries are named by what they were made from (the files read, the
            // fragments' inputs, the pages' bytes) are written while the output is committed, which mostly
            // waits for the disk; the record of the published folder is dropped first, so that a build
            // stopped before its commit never trusts the old files for the new fragments
            CacheWrites early = new CacheWrites();
            try {
                BuildResult result = site.run(request, true, renders, loads, fragments, facts::get, times,
                        Optional.of(listing::listed), markdown, found -> {
                            listing.untouched(); // read from the record dropped here
                            cache.forgetPublished();
                            boolean secret = found.stream().anyMatch(d -> Rules.findsSecret(d.ruleId()));
                            early.start(() -> {
                                contentAddressedWrites(cache, loads, fragments, facts.get(), renders, renderKey,
                                        loadKey, true, secret);
                                listener.reached("cache:written");
                            });
                        });
                times.time("cache", () -> {
                    if (!early.started()) { // files that failed to load are kept too (fixing one re-reads one)
                        early.start(() -> contentAddressedWrites(cache, loads, fragments, facts.get(), renders,
                                renderKey, loadKey, false, false));
                    }
                    early.join();
                    if (result.written() && result.output().isPresent()) {
                        // last: the cache answers an unchanged site only once everything above is in place
                        renders.retainOnly(result.pages().writtenPaths());
                        // the records the next build compares its changed files with: as this build wrote them
                        renders.loadsLeft(cache.loadState());
                        cache.replace(BuildCache.RENDER_FILE, out -> renders.writeTo(out, renderKey));
                        cache.remember(inputs, result.output().get(), new BuildCache.Outcome(result.diagnostics(),
                                result.pages().byKind(), result.staticFiles(), result.heldBack(),
                                result.maxLinesPerRule()));
                    }
                    return null;
                });
                return result;
            } finally {
                early.awaitQuietly(); // a failed build lets its writes end before the files they read close
                previous.awaitQuietly(); // and its reads, before the cache closes
                facts.awaitQuietly();
            }
        }
    }

    /** A digest of the content folder's files other than pages (images, PDFs: what links can reach), by path and bytes. */
    private static String otherContentFiles(Path contentDir, Map<Path, byte[]> fileHashes) {
        Path folder = contentDir.toAbsolutePath().normalize();
        Map<String, byte[]> others = new TreeMap<>(); // a few files beside some 13,000 pages: sorted after the filter
        fileHashes.forEach((file, hash) -> {
            if (file.startsWith(folder) && !file.toString().endsWith(".md")) {
                others.put(folder.relativize(file).toString(), hash);
            }
        });
        Fingerprint files = new Fingerprint();
        others.forEach((file, hash) -> files.add(file, HexFormat.of().formatHex(hash)));
        return files.hex();
    }

    /**
     * The files whose bytes changed since the last build, when each changed only texts its own page
     * shows ({@link PageStructure#same}: a page then and now) and no file came or went; empty otherwise.
     */
    private static Optional<List<LoadCache.Changed>> onlyOwnTextsChanged(LoadCache loads) {
        return loads.changes().filter(changes -> changes.stream()
                .allMatch(change -> PageStructure.same(change.before(), change.after())));
    }

    /**
     * The writes of the cache files whose entries are named by what they were made from: the load
     * segments (always: only changed segments are written) and, for a build about to publish, the
     * built-site facts (unless the build found a secret: the pages' links could hold it) and the
     * fragments. Every segment file is a task of one list, the largest first
     * (the load segments are encoded now): nested parallel loops left a core idle while the other
     * encoded the loads.
     */
    private static void contentAddressedWrites(BuildCache cache, LoadCache loads, Fragments fragments,
                                               BuiltSiteCheck.Memory checked, RenderCache renders, String renderKey,
                                               String loadKey, boolean publishing, boolean sawSecret) {
        List<Runnable> writes = new ArrayList<>(cache.loadWrites(loads, loadKey));
        if (publishing) {
            if (sawSecret) {
                PageFactsFiles.names().forEach(cache::delete);
            } else {
                writes.add(() -> PageFactsFiles.write(checked, (name, body) -> cache.replace(name, body::write),
                        renderKey, renders::outputHash));
            }
            writes.addAll(cache.fragmentWrites(fragments, renderKey));
        }
        Parallel.forEach(writes, Runnable::run); // each thread takes the next file as it comes free
    }

    /** Cache writes run on a thread of their own, at most once per build, and waited for. */
    private static final class CacheWrites {

        private Thread thread;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        void start(Runnable writes) {
            thread = new Thread(() -> {
                try {
                    writes.run();
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            }, "answersite-cache");
            thread.start();
        }

        boolean started() {
            return thread != null;
        }

        /** Waits for the writes, if they were started; what they threw is left for {@link #join}. */
        void awaitQuietly() {
            if (thread == null) {
                return;
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for the writes; throws what they threw. */
        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the build cache was written", e);
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }
    }

    /** The folders that make a site what it is, absolute, one a line: the build cache keeps one cache per such site. */
    static String siteFolders(BuildRequest request) {
        return Stream.of(request.contentDir(), request.configFile(), request.templatesDir(),
                        request.staticDir(), request.outputDir())
                .map(path -> path.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining("\n"));
    }
}
