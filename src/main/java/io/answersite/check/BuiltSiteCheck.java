package io.answersite.check;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.graph.ContentGraph;
import io.answersite.sink.OutputObserver;
import io.answersite.sink.SiteOutput;
import io.answersite.diagnostic.SourcePos;
import io.answersite.work.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Checks what every HTML page the build writes must have: each internal {@code href}/{@code src}
 * leads to a written file (and anchor), exactly one {@code <h1>}, a title and description, a
 * canonical link, ids unique within the page. Pages are not read back: the threads that write them
 * hand their bytes to {@link Pages}, and a small tag scanner ({@link PageScanner}) takes what the checks
 * need, without building a document; the links are checked once every file is written. A failure is a generator or
 * template bug, reported with the page and the template that wrote it. Links editors wrote in
 * bodies are content: the graph checks them, and the few it cannot (paths of files written after
 * it, see {@link ContentLink}) are checked here but reported at the link in the content file.
 */
public final class BuiltSiteCheck {

    private final String outputLabel;
    private final String basePath;
    private final String baseUrl;

    /**
     * @param outputLabel how reports name the output folder ({@code target/site})
     * @param basePath the base URL's path without the trailing slash ({@code ""} at the root)
     * @param baseUrl the absolute base URL, ending in '/'
     */
    public BuiltSiteCheck(String outputLabel, String basePath, String baseUrl) {
        this.outputLabel = outputLabel;
        this.basePath = basePath;
        this.baseUrl = baseUrl;
    }

    /**
     * Facts of pages checked before, by path: with the exact bytes they were read from (the
     * preview's: it renders most pages of a rebuild from its cache, as the same byte arrays, and
     * those need no parsing again), or with the SHA-256 of the published file (a build with the
     * build cache: a page kept as the last build published it is not read at all, see
     * {@link PageFactsFiles}). Thread-safe. A build without a cache keeps none ({@link #none()}), and no
     * memory keeps a page's bytes unless it was made for the preview.
     */
    public static final class Memory {
        record Entry(byte[] bytes, byte[] sha256, PageFacts facts) {
        }

        private final Map<String, Entry> entries;
        private final boolean keepsBytes;
        /** The last rebuild's link check (the preview's only). */
        private final CheckedLinks links = new CheckedLinks();
        /** The build cache's segments of facts as read (null where one was not), by segment number. */
        private PageFactsFiles.SegmentAsRead[] segmentsRead = new PageFactsFiles.SegmentAsRead[PageFactsFiles.SEGMENTS];
        /** The digest of the check kept with them, or null (package-private for tests). */
        byte[] keptRun;
        /** This build's digest of the check ({@link CheckedLinks#digest}), when no page had a finding. */
        private volatile byte[] thisRun;

        /** The preview's memory, which knows pages by their bytes. */
        public Memory() {
            this(new ConcurrentHashMap<>(), true);
        }

        private Memory(Map<String, Entry> entries, boolean keepsBytes) {
            this.entries = entries;
            this.keepsBytes = keepsBytes;
        }

        /** A memory that remembers nothing, for builds that run once. */
        public static Memory none() {
            return new Memory(null, false);
        }

        /** An empty memory of published pages, known by their hashes (see {@link PageFactsFiles#read}). */
        public static Memory published() {
            return new Memory(new ConcurrentHashMap<>(), false);
        }

        PageFacts recall(String path, byte[] bytes) {
            Entry known = entries == null ? null : entries.get(path);
            return known != null && known.bytes() != null && known.bytes() == bytes ? known.facts() : null;
        }

        PageFacts recallPublished(String path, byte[] sha256) {
            Entry known = entries == null ? null : entries.get(path);
            return known != null && known.sha256() != null && Arrays.equals(known.sha256(), sha256)
                    ? known.facts() : null;
        }

        void remember(String path, byte[] bytes, PageFacts facts) {
            if (entries != null) {
                entries.put(path, new Entry(keepsBytes ? bytes : null, null, facts));
            }
        }

        void rememberPublished(String path, byte[] sha256, PageFacts facts) {
            if (entries != null) {
                entries.put(path, new Entry(null, sha256, facts));
            }
        }

        void retainOnly(Set<String> paths) {
            if (entries != null) {
                entries.keySet().retainAll(paths);
            }
        }

        /**
         * A memory of the published pages read from the build cache ({@link PageFactsFiles#read}):
         * {@code read} by path, the check's digest kept with them (or null), and the segments read
         * whole (null where one was not).
         */
        static Memory restored(Map<String, Entry> read, byte[] run, PageFactsFiles.SegmentAsRead[] segmentsRead) {
            Memory memory = new Memory(new ConcurrentHashMap<>(read), false);
            memory.segmentsRead = segmentsRead.clone();
            memory.keptRun = run;
            return memory;
        }

        void forEachEntry(BiConsumer<String, Entry> action) {
            if (entries != null) {
                entries.forEach(action);
            }
        }

        /** Segment {@code segment} as read from the build cache, or null when it was not. */
        PageFactsFiles.SegmentAsRead segmentRead(int segment) {
            return segmentsRead[segment];
        }

        /** The facts the build cache held for {@code path} (the very instance a kept page is given back), or null. */
        PageFacts restoredFacts(String path) {
            PageFactsFiles.SegmentAsRead segment = segmentsRead[PageFactsFiles.segmentOf(path)];
            Entry read = segment == null ? null : segment.pages().get(path);
            return read == null ? null : read.facts();
        }

        /** This build's digest of the check, when it may be kept (no page had a finding), else null. */
        byte[] thisRun() {
            return thisRun;
        }
    }

    /**
     * The facts of one build's pages, gathered by the threads that write them (so no page is read
     * back from disk, and the bytes can go once written). Link targets and ids are shared strings,
     * found by their bytes ({@link ValueStrings}): the same navigation links appear on every page.
     */
    public static final class Pages implements OutputObserver {
        private final Memory memory;
        private final Map<String, PageFacts> facts = new ConcurrentHashMap<>();
        /** Volatile: replaced by {@link #pagesWritten} between stages, read by the threads that write pages. */
        private volatile ValueStrings values = new ValueStrings();

        public Pages(Memory memory) {
            this.memory = memory;
        }

        /**
         * Says that the pages are written: the table that shares their values by bytes goes (its keys
         * copy every distinct link and id, about 40 MB at 100,000 pages, heap dump of a 50,000-page
         * build), the values themselves stay with the facts. A page written after this still has its
         * facts, its values shared through a new table.
         */
        public void pagesWritten() {
            values = new ValueStrings();
        }

        /** How many distinct values the table holds now (for tests of what it keeps). */
        int sharedValues() {
            return values.size();
        }

        /** Takes note of a file as it is written; only HTML pages are looked at. */
        @Override
        public void written(String path, List<byte[]> parts) {
            if (path.endsWith(".html")) {
                written(path, SiteOutput.join(parts));
            }
        }

        @Override
        public void written(String path, byte[] bytes) {
            if (!path.endsWith(".html")) {
                return;
            }
            PageFacts known = memory.recall(path, bytes);
            PageFacts pageFacts = known != null ? known : PageScanner.facts(bytes, values);
            memory.remember(path, bytes, pageFacts);
            facts.put(path, pageFacts);
        }

        /**
         * Takes note of a published page kept as it is: what the memory knows of a page with its hash,
         * else what its bytes say.
         */
        @Override
        public void kept(String path, byte[] hash, Supplier<byte[]> bytes) {
            if (!path.endsWith(".html")) {
                return;
            }
            PageFacts known = memory.recallPublished(path, hash);
            PageFacts pageFacts = known != null ? known : PageScanner.facts(bytes.get(), values);
            memory.rememberPublished(path, hash, pageFacts);
            facts.put(path, pageFacts);
        }
    }

    /** Every body link of {@code graph} that leads to a site path rather than a page or content file. */
    public static List<ContentLink> contentLinks(ContentGraph graph) {
        return ContentLink.allIn(graph);
    }

    /**
     * Checks the pages whose facts were gathered as they were written; {@code paths} lists every file
     * written (output paths), {@code templates} which template wrote each page, by output path. {@code contentLinks}
     * are reported as content findings at their links, and not again as the pages' links.
     */
    public void run(Collection<String> paths, Map<String, String> templates, Diagnostics diagnostics, Pages written,
                    List<ContentLink> contentLinks) {
        Set<String> files = new HashSet<>(paths);
        Map<String, PageFacts> pages = written.facts;
        written.memory.retainOnly(pages.keySet());
        pages.forEach((path, facts) -> facts.problems().forEach(problem ->
                report(diagnostics, path, templates, problem)));
        Map<String, Set<String>> ids = new HashMap<>();
        pages.forEach((path, facts) -> ids.put(path, facts.ids()));
        Set<String> fromContent = new HashSet<>();
        for (ContentLink link : contentLinks) {
            fromContent.add(link.url());
            link.check(files, ids, diagnostics);
        }
        // only the pages whose facts changed are checked again while the site around them is the same:
        // the preview compares with its last rebuild, a build with the build cache with a digest of the last build
        String checker = outputLabel + "\n" + basePath + "\n" + baseUrl;
        Memory memory = written.memory;
        byte[] run = memory.keepsBytes || memory.entries == null ? null
                : CheckedLinks.digest(checker, files, fromContent, templates, pages);
        CheckedLinks.Known known = run == null ? memory.links.known(checker, files, fromContent, templates, pages)
                : CheckedLinks.fromDisk(memory.keptRun, run, memory::restoredFacts);
        Map<String, List<Diagnostic>> findings = new ConcurrentHashMap<>();
        BuiltLinks links = new BuiltLinks(basePath, baseUrl, files, ids);
        Parallel.forEach(pages.entrySet(), entry -> {
            List<Diagnostic> found = known.findings(entry.getKey(), entry.getValue());
            if (found == null) {
                Diagnostics page = new Diagnostics();
                for (String url : entry.getValue().links()) {
                    if (fromContent.contains(url)) {
                        continue;
                    }
                    String problem = links.problem(entry.getKey(), url);
                    if (!problem.isEmpty()) {
                        report(page, entry.getKey(), templates, problem);
                    }
                }
                found = page.sorted();
            }
            findings.put(entry.getKey(), found);
            found.forEach(diagnostics::add);
        });
        if (memory.keepsBytes) {
            memory.links.remember(checker, files, fromContent, templates, pages, findings);
        } else if (run != null) {
            memory.thisRun = findings.values().stream().allMatch(List::isEmpty) ? run : null;
        }
    }

    private void report(Diagnostics diagnostics, String page, Map<String, String> templates, String problem) {
        String template = templates.getOrDefault(page, "?");
        diagnostics.error(Rules.BUILT_SITE, SourcePos.fileOnly(outputLabel + "/" + page), problem + " (written by template '"
                + template + "'; this is a bug in the theme or the generator, not in the content)");
    }

}
