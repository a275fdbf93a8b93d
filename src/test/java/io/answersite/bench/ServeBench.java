package io.answersite.bench;

import io.answersite.serve.PreviewServer;
import io.answersite.serve.SourceWatcher;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import io.answersite.site.BuildResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark, not a test: times the preview's rebuild after a one-answer edit on a generated
 * corpus (bench/generate_corpus.py). Two figures: the rebuild alone (from the change to the rebuilt
 * site in memory), and end to end (from writing the file, through the watcher and the rebuild, to
 * the new page being served). Run by bench/serve.sh; prints medians.
 *
 * <p>usage: ServeBench SITE_DIR [ROUNDS]
 */
public final class ServeBench {

    private ServeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        BuildRequest request = BuildRequest.forSite(site, LocalDate.of(2026, 11, 26)).withIncludeDrafts(true);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (PreviewServer server = new PreviewServer(new Answersite(), request, log::add)) {
            long start = System.nanoTime();
            int port = server.start("127.0.0.1", 0);
            System.out.printf("first build: %d ms (%s)%n", (System.nanoTime() - start) / 1_000_000,
                    log.get(log.size() - 1));
            Path answer = site.resolve("content/answers/answer-00042.md");
            String original = Files.readString(answer);

            List<Long> rebuilds = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                Files.writeString(answer, original.replace("怎么排查?", "怎么排查 " + i + "?"));
                long t0 = System.nanoTime();
                BuildResult result = server.rebuild();
                rebuilds.add((System.nanoTime() - t0) / 1_000_000);
                if (result.failed()) {
                    throw new IllegalStateException(result.diagnostics().toString());
                }
            }
            System.out.printf("rebuild after a one-answer edit (change to rebuilt site): median %d ms %s%n",
                    median(rebuilds), rebuilds);
            System.out.println("  last: " + log.get(log.size() - 1));

            HttpClient http = HttpClient.newHttpClient();
            List<Long> endToEnd = new ArrayList<>();
            CountDownLatch[] rebuilt = {new CountDownLatch(1)};
            try (SourceWatcher watcher = new SourceWatcher(List.of(site.resolve("content")), () -> {
                server.rebuild();
                rebuilt[0].countDown();
            })) {
                Thread.sleep(500);
                for (int i = 0; i < rounds; i++) {
                    rebuilt[0] = new CountDownLatch(1);
                    String marker = "端到端 " + i + "?";
                    long t0 = System.nanoTime();
                    Files.writeString(answer, original.replace("怎么排查?", marker));
                    if (!rebuilt[0].await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("no rebuild after an edit");
                    }
                    String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/answers/answer-00042/")).build(), HttpResponse.BodyHandlers.ofString()).body();
                    endToEnd.add((System.nanoTime() - t0) / 1_000_000);
                    if (!body.contains(marker.replace("?", ""))) {
                        throw new IllegalStateException("the edit is not served");
                    }
                }
            }
            System.out.printf("end to end (save, watcher, rebuild, page served): median %d ms %s%n",
                    median(endToEnd), endToEnd);
            Files.writeString(answer, original);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
