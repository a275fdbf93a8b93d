package io.answersite.bench;

import io.answersite.serve.PreviewServer;
import io.answersite.serve.SourceWatcher;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A benchmark, not a test: times the preview after an edit to an answer, a glossary term, a guide
 * and a checklist item of a generated corpus (bench/generate_corpus.py). Per kind, medians of:
 * <ul>
 * <li>"page ready": from the change event to the edited page rendered and ready to serve;</li>
 * <li>"all up to date": from the change event to the whole site rebuilt in memory (lists, topic,
 *     hub, machine files, search index, site-wide findings);</li>
 * <li>"end to end": from writing the file, through the watcher and the HTTP server, to a GET of
 *     the page that shows the change.</li>
 * </ul>
 * One edit of each kind comes first and is reported apart (the first edits after the start pay the
 * JIT and the heap's growth); then the kinds take turns in each round. Run by bench/serve.sh.
 *
 * <p>usage: ServeBench SITE_DIR [ROUNDS]
 */
public final class ServeBench {

    private ServeBench() {
    }

    private record Edit(String name, String file, String url, BiFunction<String, String, String> apply) {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        BuildRequest request = BuildRequest.forSite(site, LocalDate.of(2026, 11, 26)).withIncludeDrafts(true);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        List<Edit> edits = List.of(
                new Edit("answer", "content/answers/answer-00042.md", "/answers/answer-00042/",
                        (text, marker) -> text.replace("怎么排查?", "怎么排查 " + marker + "?")),
                new Edit("glossary term", "content/glossary/term-0003.md", "/glossary/term-0003/",
                        (text, marker) -> text.replace("definition: \"", "definition: \"" + marker + " ")),
                new Edit("guide", "content/guides/guide-0007.md", "/guides/guide-0007/",
                        (text, marker) -> text.replaceFirst("\\{#s1\\}\n\n", "{#s1}\n\n" + marker + " ")),
                new Edit("checklist item", "content/checklists/checklist-0005.md", "/checklists/checklist-0005/",
                        (text, marker) -> text.replaceFirst("- \\[ \\] ", "- [ ] " + marker + " ")));
        // WIDE=1: also edits every page shows (a template of the theme copied into the site, site.yml's title),
        // timed as an answer page a browser would show: served with the change, and the site rebuilt
        Path layout = site.resolve("templates/layout.peb");
        boolean wide = System.getenv("WIDE") != null && !System.getenv("WIDE").isEmpty();
        boolean layoutCopied = false;
        if (wide) {
            if (!Files.exists(layout)) {
                Files.createDirectories(layout.getParent());
                Files.copy(Path.of("templates/layout.peb"), layout);
                layoutCopied = true;
            }
            edits = new ArrayList<>(edits);
            edits.add(new Edit("template (every page)", "templates/layout.peb", "/answers/answer-00042/",
                    (text, marker) -> text.replace("<p>{{ t.footer }}</p>", "<p>{{ t.footer }} " + marker + "</p>")));
            edits.add(new Edit("site.yml title (every page)", "site/site.yml", "/answers/answer-00042/",
                    (text, marker) -> text.replaceFirst("(?m)^title: (.*)$", "title: $1 " + marker)));
        }
        try (PreviewServer server = new PreviewServer(new Answersite(), request, line -> log.add(line.text()), e -> {
            throw e;
        })) {
            long start = System.nanoTime();
            int port = server.start("127.0.0.1", 0);
            System.out.printf("first build: %d ms (%s); load average %.2f%n", (System.nanoTime() - start) / 1_000_000,
                    log.get(log.size() - 1),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            HttpClient http = HttpClient.newHttpClient();
            // a browser with the answer open, as an editor would have: its reload script names the page
            http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/_answersite/events?page=%2Fanswers%2Fanswer-00042%2F")).build(), HttpResponse.BodyHandlers.ofLines())
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            Map<Edit, String> originals = new LinkedHashMap<>();
            for (Edit edit : edits) {
                originals.put(edit, Files.readString(site.resolve(edit.file())));
            }
            Map<Edit, Timings> timings = new LinkedHashMap<>();
            edits.forEach(edit -> timings.put(edit, new Timings()));
            try {
                // the first edits after the start pay the JIT compiling the rebuild's code and the heap growing:
                // one edit of each kind first, reported apart, so that no kind's median carries them
                List<String> first = new ArrayList<>();
                for (Edit edit : edits) {
                    long[] once = edit(server, http, port, site, edit, originals.get(edit), "Zqfirst" + edits.indexOf(edit));
                    first.add(edit.name() + " " + once[1] + " ms");
                }
                System.out.println("first edits after the start (all up to date): " + String.join(", ", first));
                // kinds take turns within each round, so that the machine's drift falls on all of them alike
                for (int i = 0; i < rounds; i++) {
                    for (Edit edit : edits) {
                        // a marker of its own per kind: the wide kinds are timed on the page the answer edit changes
                        long[] once = edit(server, http, port, site, edit, originals.get(edit),
                                "Zqedit" + i + "a" + edits.indexOf(edit));
                        Timings t = timings.get(edit);
                        t.ready.add(once[0]);
                        t.settled.add(once[1]);
                        t.cpu.add(once[2]);
                        t.allocatedMegabytes.add(once[3]);
                        t.fullCollections.add(once[4]);
                        t.stages.add(log.stream().filter(l -> l.startsWith("answersite: rebuilt"))
                                .reduce((a, b) -> b).orElse("").replaceFirst(".*\\[", "["));
                    }
                }
                try (SourceWatcher watcher = new SourceWatcher(List.of(site.resolve("content")), server::changed)) {
                    Thread.sleep(300);
                    for (int i = 0; i < rounds; i++) {
                        for (Edit edit : edits) {
                            if (!edit.file().startsWith("content/")) {
                                continue; // the watcher here watches the content folder
                            }
                            String marker = "Zqwatch" + i + "b";
                            long t0 = System.nanoTime();
                            Files.writeString(site.resolve(edit.file()), edit.apply().apply(originals.get(edit), marker));
                            while (!get(http, port, edit.url()).contains(marker)) {
                                require(System.nanoTime() - t0 < 120_000_000_000L, edit, "no page after two minutes");
                                Thread.sleep(2);
                            }
                            timings.get(edit).endToEnd.add((System.nanoTime() - t0) / 1_000_000);
                            Thread.sleep(100); // let the watcher see the end of the burst
                            server.awaitRebuilds();
                        }
                    }
                }
            } finally {
                for (Edit edit : edits) {
                    Files.writeString(site.resolve(edit.file()), originals.get(edit));
                }
            }
            server.changed(edits.stream().map(edit -> site.resolve(edit.file())).collect(Collectors.toSet()));
            server.awaitRebuilds();
            System.out.println("| edit | page ready (change event → page rendered) | all up to date (change event →"
                    + " site rebuilt) | CPU time of the process meanwhile | end to end (write → watcher → page served) |");
            System.out.println("| --- | --- | --- | --- | --- |");
            timings.forEach((edit, t) -> System.out.printf("| %s | %d ms %s | %d ms %s | %d ms %s | %s |%n",
                    edit.name(), median(t.ready), t.ready, median(t.settled), t.settled, median(t.cpu), t.cpu,
                    t.endToEnd.isEmpty() ? "— (not watched here)" : median(t.endToEnd) + " ms " + t.endToEnd));
            timings.forEach((edit, t) -> System.out.printf("allocated during the %s edit's rounds (MB): %s%n",
                    edit.name(), t.allocatedMegabytes));
            timings.forEach((edit, t) -> System.out.printf("full collections during the %s edit's rounds (ms): %s%n",
                    edit.name(), t.fullCollections));
            timings.forEach((edit, t) -> System.out.printf("stages of the %s edit's median round: %s%n", edit.name(),
                    t.stages.get(t.settled.indexOf(median(t.settled)))));
            System.out.printf("load average at the end: %.2f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("last rebuild: " + log.stream().filter(l -> l.startsWith("answersite: rebuilt"))
                    .reduce((a, b) -> b).orElse(""));
        } finally {
            if (layoutCopied) {
                Files.deleteIfExists(layout); // the corpus as it was
            }
        }
    }

    /** Per kind of edit: the rounds' figures, and the stages of each round's rebuild. */
    private record Timings(List<Long> ready, List<Long> settled, List<Long> cpu, List<Long> endToEnd,
            List<String> stages, List<Long> allocatedMegabytes, List<Long> fullCollections) {
        Timings() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * One edit through {@code server.changed}: page ready, all up to date and CPU time in ms, MB allocated,
     * and ms of full collections.
     */
    private static long[] edit(PreviewServer server, HttpClient http, int port, Path site, Edit edit, String original,
            String marker) throws Exception {
        Files.writeString(site.resolve(edit.file()), edit.apply().apply(original, marker));
        long t0 = System.nanoTime();
        long cpu0 = RebuildProfile.processCpuNanos();
        long allocated0 = RebuildProfile.allocatedBytes();
        long full0 = RebuildProfile.fullCollectionMillis();
        server.changed(Set.of(site.resolve(edit.file())));
        long ready = (System.nanoTime() - t0) / 1_000_000;
        // a page rendered ahead is served when changed returns; a change no page is rendered ahead for
        // (a template, site.yml) is served once the rebuild has it
        while (!get(http, port, edit.url()).contains(marker)) {
            require(System.nanoTime() - t0 < 120_000_000_000L, edit, "the edited page is not served");
            Thread.sleep(2);
            ready = (System.nanoTime() - t0) / 1_000_000;
        }
        server.awaitRebuilds();
        long settled = (System.nanoTime() - t0) / 1_000_000;
        // on a shared machine the process's CPU time is the steadier measure of the work
        return new long[] {ready, settled, (RebuildProfile.processCpuNanos() - cpu0) / 1_000_000,
            (RebuildProfile.allocatedBytes() - allocated0) >> 20, RebuildProfile.fullCollectionMillis() - full0};
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void require(boolean condition, Edit edit, String message) {
        if (!condition) {
            throw new IllegalStateException(edit.name() + ": " + message);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
