package io.answersite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.site.Answersite;
import io.answersite.site.BuildListener;
import io.answersite.site.BuildRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server on a free port, driven with Java's HTTP client while the sources change. */
class PreviewServerTest {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Every line the preview logged, as its level and text. */
    private final List<String> log = new ArrayList<>();
    private PreviewServer server;
    private SourceWatcher watcher;
    private int port;
    private String bind;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(boolean watch) throws IOException {
        start(watch, "127.0.0.1");
    }

    private void start(boolean watch, String bind) throws IOException {
        this.bind = bind;
        TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(root).withIncludeDrafts(true);
        server = new PreviewServer(new Answersite(), request, line -> {
            synchronized (log) {
                log.add(line.level() + " " + line.text());
            }
        }, PreviewServerTest::rethrow);
        port = server.start(bind, 0);
        if (watch) {
            watcher = new SourceWatcher(List.of(root.resolve("content"), root.resolve("templates"), root.resolve("site")),
                    server::changed);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Polls {@code path} until the body satisfies {@code condition}, for at most ten seconds. */
    private HttpResponse<String> await(String path, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> response = get(path);
        while (!condition.test(response.body()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = get(path);
        }
        return response;
    }

    @Test
    void servesTheSiteAndAfterAnEditServesTheNewContent() throws Exception {
        start(true);
        HttpResponse<String> page = get("/answers/rate-limits/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("What does HTTP 429 mean?"));
        assertTrue(page.body().contains(PreviewServer.EVENTS), "the reload script is injected");

        Path answer = root.resolve("content/answers/rate-limits.md");
        Files.writeString(answer, Files.readString(answer).replace("What does HTTP 429 mean?", "What does a 429 mean?"));
        HttpResponse<String> after = await("/answers/rate-limits/", body -> body.contains("What does a 429 mean?"));
        assertTrue(after.body().contains("<h1>What does a 429 mean?</h1>"), after.body());
        assertTrue(await("/", body -> body.contains("What does a 429 mean?")).body().contains("What does a 429 mean?"),
                "the hub shows the new title too");
    }

    @Test
    void pagesAddedMovedAndDeletedAfterTheFirstEditAreFoundFromTheWatchersReports() throws Exception {
        start(true);
        Path answer = root.resolve("content/answers/rate-limits.md");
        Files.writeString(answer, Files.readString(answer).replace("What does HTTP 429 mean?", "What does a 429 mean?"));
        await("/answers/rate-limits/", body -> body.contains("What does a 429 mean?"));

        // from here on the rebuilds list the content folder from what the watcher reports
        Path copy = root.resolve("content/answers/rate-limits-again.md");
        Files.writeString(copy, Files.readString(answer).replace("id: rate-limits", "id: rate-limits-again")
                .replace("What does a 429 mean?", "Is 429 a rate limit?"));
        assertTrue(await("/answers/rate-limits-again/", body -> body.contains("Is 429 a rate limit?")).body()
                .contains("Is 429 a rate limit?"), String.join("\n", log));
        Path moved = root.resolve("content/answers/more");
        Files.createDirectories(moved);
        Files.move(copy, moved.resolve("rate-limits-again.md"));
        assertEquals(200, await("/answers/rate-limits-again/", body -> body.contains("Is 429 a rate limit?"))
                .statusCode(), "a page moved into a new folder is still found");
        Files.delete(moved.resolve("rate-limits-again.md"));
        assertEquals(404, await("/answers/rate-limits-again/", body -> !body.contains("Is 429 a rate limit?"))
                .statusCode(), String.join("\n", log));
    }

    @Test
    void aBrokenEditShowsTheErrorsOverTheLastGoodSiteUntilItIsFixed() throws Exception {
        start(true);
        Path answer = root.resolve("content/answers/rate-limits.md");
        String good = Files.readString(answer);
        Files.writeString(answer, good.replace("topic: api-basics", "topic: api-basic"));
        HttpResponse<String> broken = await("/answers/rate-limits/", body -> body.contains("answersite-errors"));
        assertTrue(broken.body().contains("content/answers/rate-limits.md:5:8: error: unknown topic &#39;api-basic&#39;")
                || broken.body().contains("content/answers/rate-limits.md:5:8: error: unknown topic 'api-basic'"),
                broken.body());
        assertTrue(broken.body().contains("<h1>What does HTTP 429 mean?</h1>"), "the last good page is still served");
        assertTrue(get("/glossary/api-key/").body().contains("answersite-errors"), "the overlay is on every page");
        synchronized (log) {
            assertTrue(log.stream().anyMatch(l -> l.startsWith("ERROR content/answers/rate-limits.md:5:8:")), log.toString());
        }

        Files.writeString(answer, good);
        HttpResponse<String> fixed = await("/answers/rate-limits/", body -> !body.contains("answersite-errors"));
        assertFalse(fixed.body().contains("answersite-errors"), "fixing the file clears the overlay");
    }

    @Test
    void anEditedAnswerIsServedBeforeTheRestOfTheSiteIsRebuiltAndTheRebuildAgreesWithIt() throws Exception {
        start(false);
        Path answer = root.resolve("content/answers/rate-limits.md");
        Files.writeString(answer, Files.readString(answer).replace("What does HTTP 429 mean?", "What does a 429 mean?"));
        bumpModifiedTime(answer);
        server.changed(java.util.Set.of(answer));
        synchronized (log) {
            assertTrue(log.stream().anyMatch(l -> l.startsWith("INFO answersite: answers/rate-limits/index.html rendered ahead in ")),
                    log.toString());
        }
        String ahead = get("/answers/rate-limits/").body();
        assertTrue(ahead.contains("<h1>What does a 429 mean?</h1>"), ahead);

        await("/", body -> body.contains("What does a 429 mean?")); // the background rebuild reached the hub
        assertEquals(ahead, get("/answers/rate-limits/").body(), "the full rebuild renders the same page");
    }

    @Test
    void aTemplateEditShowsThePagesBrowsersHaveOpenBeforeTheRestOfTheSiteIsRebuilt() throws Exception {
        Path layout = root.resolve("templates/layout.peb");
        Files.createDirectories(layout.getParent());
        Files.copy(TestSites.repositoryRoot().resolve("templates/layout.peb"), layout);
        start(false);
        // a browser with the answer open: its reload script names the page
        HttpResponse<java.util.stream.Stream<String>> events = http.sendAsync(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/_answersite/events?page=%2Fanswers%2Frate-limits%2F")).build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, events.statusCode());
        assertTrue(get("/answers/rate-limits/").body().contains("new EventSource('/_answersite/events?page='"
                + "+encodeURIComponent(location.pathname))"), "pages name themselves to the preview");

        Files.writeString(layout, Files.readString(layout).replace("<p>{{ t.footer }}</p>",
                "<p>{{ t.footer }} Shown first.</p>"));
        bumpModifiedTime(layout);
        server.changed(Set.of(layout));
        synchronized (log) {
            assertTrue(log.stream().anyMatch(l -> l.startsWith("INFO answersite: answers/rate-limits/index.html"
                    + " rendered ahead in ")), log.toString());
            assertFalse(log.stream().anyMatch(l -> l.contains("api-key-storage/index.html rendered ahead")),
                    "a page no browser shows waits for the rebuild");
        }
        String ahead = get("/answers/rate-limits/").body();
        assertTrue(ahead.contains("Shown first."), ahead);

        server.awaitRebuilds();
        assertTrue(get("/answers/api-key-storage/").body().contains("Shown first."), "the rebuild brings the rest");
        assertEquals(ahead, get("/answers/rate-limits/").body(), "the full rebuild renders the same page");
    }

    @Test
    void aRebuildServesThePagesBrowsersHaveOpenBeforeTheRestOfTheSite() throws Exception {
        start(false);
        HttpResponse<java.util.stream.Stream<String>> events = http.sendAsync(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/_answersite/events?page=%2Fanswers%2Frate-limits%2F")).build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, events.statusCode());
        Path config = root.resolve("site/site.yml");
        Files.writeString(config, Files.readString(config).replace("title: Example Answers", "title: Example Answers Now"));
        bumpModifiedTime(config);
        synchronized (log) {
            log.clear();
        }

        server.changed(Set.of(config)); // site.yml: no page is shown ahead, the rebuild shows the open one first
        server.awaitRebuilds();
        List<String> lines;
        synchronized (log) {
            lines = List.copyOf(log);
        }
        int first = indexOf(lines, "INFO answersite: answers/rate-limits/index.html rendered first in ");
        int rebuilt = indexOf(lines, "INFO answersite: rebuilt ");
        assertTrue(first >= 0 && first < rebuilt, lines.toString());
        assertFalse(lines.get(first).contains("api-key-storage"), "a page no browser shows comes with the rest");
        String page = get("/answers/rate-limits/").body();
        assertTrue(page.contains("Example Answers Now"), page);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aReloadScriptNamesItsPageByItsOutputFileUnderTheBasePath() throws Exception {
        start(false);
        assertEquals("answers/rate-limits/index.html", server.shownPage("page=%2Fanswers%2Frate-limits%2F"));
        assertEquals("index.html", server.shownPage("page=%2F"));
        assertEquals("llms.txt", server.shownPage("page=/llms.txt"));
        assertEquals(null, server.shownPage("page=%2F..%2Fsecret"));
        assertEquals(null, server.shownPage("other=1"));
        assertEquals(null, server.shownPage(null));
    }

    @Test
    void anEditThatChangesWhatOtherPagesResolveWaitsForTheFullRebuild() throws Exception {
        start(false);
        Path answer = root.resolve("content/answers/rate-limits.md");
        Files.writeString(answer, Files.readString(answer).replace("topic: api-basics", "topic: api-basic"));
        bumpModifiedTime(answer);
        server.changed(java.util.Set.of(answer));
        synchronized (log) {
            assertFalse(log.stream().anyMatch(l -> l.contains("rendered ahead")), "a new topic is not shown ahead");
        }
        assertTrue(await("/answers/rate-limits/", body -> body.contains("answersite-errors")).body()
                .contains("unknown topic"), "the rebuild reports the error");
    }

    private static void bumpModifiedTime(Path file) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 2000));
    }

    @Test
    void servesContentTypesFolderIndexesThe404PageAndRefusesEscapes() throws Exception {
        start(false);
        assertEquals("text/markdown; charset=utf-8",
                get("/answers/rate-limits/index.md").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/json", get("/llms.json").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/xml", get("/sitemap.xml").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("text/plain; charset=utf-8", get("/robots.txt").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("text/css; charset=utf-8",
                get("/assets/answersite.css").headers().firstValue("Content-Type").orElseThrow());
        assertFalse(get("/llms.json").body().contains(PreviewServer.EVENTS), "only HTML gets the script");
        HttpResponse<String> headers = get("/_headers");
        assertEquals(200, headers.statusCode());
        assertEquals("text/plain; charset=utf-8", headers.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(headers.body().startsWith("# Response headers for Netlify and Cloudflare Pages"), headers.body());
        assertEquals("text/plain; charset=utf-8", get("/_redirects").headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> missing = get("/no/such/page/");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), missing.body());
        assertEquals(301, get("/answers/rate-limits").statusCode());

        assertEquals(403, rawStatus("/answers/../../site/site.yml"));
        assertEquals(403, rawStatus("/%2e%2e/%2e%2e/etc/passwd"));
    }

    @Test
    void showsDraftsMarkedAsSuch() throws Exception {
        Files.createDirectories(root.resolve("content/answers"));
        Files.writeString(root.resolve("content/answers/upcoming.md"), """
                ---
                title: When is v2 out?
                description: Not yet.
                date: 2026-01-20
                topic: api-basics
                draft: true
                answer: Soon.
                basis: [Planned.]
                next_steps: [Wait.]
                related: [checklist:launch]
                ---
                """);
        start(false);
        HttpResponse<String> draft = get("/answers/upcoming/");
        assertEquals(200, draft.statusCode());
        assertTrue(draft.body().contains("<p class=\"status-banner\" role=\"note\">Draft: this page is not published;"
                + " only the preview shows it.</p>"), draft.body());
    }

    @Test
    void refusesAForeignHostHeaderAndAnswersLocalhostAnd127001WithThePort() throws Exception {
        start(false);
        String refused = raw("/answers/rate-limits/", "rebind.attacker.example:" + port);
        assertEquals("HTTP/1.1 403 Forbidden", refused.lines().findFirst().orElseThrow());
        assertEquals("refused: the preview answers only the Host 127.0.0.1:" + port + ", localhost:" + port
                + "; open one of those (another name may be a web page reading the preview through DNS rebinding)\n",
                body(refused));
        assertEquals(403, status(raw(PreviewServer.EVENTS, "rebind.attacker.example:" + port)),
                "the reload events are refused too");
        assertEquals(403, status(raw("/", "localhost:" + (port == 1 ? 2 : port - 1))), "another port is refused");
        assertEquals(403, status(raw("/", null)), "a request without Host is refused");

        String local = raw("/answers/rate-limits/", "localhost:" + port);
        assertEquals(200, status(local));
        assertTrue(body(local).contains("What does HTTP 429 mean?"), local);
        assertEquals(200, status(raw("/answers/rate-limits/", "127.0.0.1:" + port)));
        assertEquals(200, status(raw("/", "LocalHost:" + port)), "host names are not case-sensitive");
    }

    @Test
    void boundToIpv6LoopbackAnswersItsBracketedAddress() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            assertTrue(probe.isBound());
        } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback on this machine: " + e.getMessage());
        }
        start(false, "::1");
        assertEquals(200, status(raw("/answers/rate-limits/", "[::1]:" + port)));
        assertEquals(200, status(raw("/answers/rate-limits/", "localhost:" + port)));
        assertEquals(403, status(raw("/answers/rate-limits/", "rebind.attacker.example:" + port)));
    }

    @Test
    void allowsTheBoundAddressIncludingIpv6LoopbackInBrackets() {
        assertEquals(Set.of("127.0.0.1:8080", "localhost:8080", "[::1]:8080"), PreviewServer.allowedHosts("::1", 8080));
        assertEquals(Set.of("127.0.0.1:8080", "localhost:8080", "preview.test:8080"),
                PreviewServer.allowedHosts("Preview.test", 8080));
        assertEquals(Set.of("127.0.0.1:80", "localhost:80", "127.0.0.1", "localhost"),
                PreviewServer.allowedHosts("127.0.0.1", 80), "port 80 may be left out of Host");
    }

    @Test
    void aPathWithAMalformedEscapeIsABadRequest() throws Exception {
        start(false);
        assertEquals(400, rawStatus("/answers/%zz/"));
        assertEquals(400, rawStatus("/answers/%2/"));
        assertEquals(200, rawStatus("/answers/rate-limits/"));
    }

    @Test
    void aRebuildThatRunsOutOfHeapIsReportedAndTheLastGoodSiteStaysServed() throws Exception {
        AtomicBoolean exhausted = new AtomicBoolean();
        List<OutOfMemoryError> reported = new CopyOnWriteArrayList<>();
        startWithRenderEnding(() -> {
            if (exhausted.get()) {
                throw new OutOfMemoryError("Java heap space");
            }
        }, reported::add);
        Path answer = root.resolve("content/answers/rate-limits.md");
        String original = Files.readString(answer);

        exhausted.set(true);
        Files.writeString(answer, original.replace("What does HTTP 429 mean?", "What does a 429 mean?"));
        server.changed(Set.of(answer.getParent())); // a folder: no page shown ahead, only the rebuild
        server.awaitRebuilds();
        assertEquals(1, reported.size());
        assertEquals("Java heap space", reported.get(0).getMessage());
        assertTrue(get("/").body().contains("What does HTTP 429 mean?"), "the last good site is served");

        exhausted.set(false);
        server.changed(Set.of(answer.getParent()));
        server.awaitRebuilds();
        assertTrue(get("/").body().contains("What does a 429 mean?"), "the next edit's rebuild brings the site up to date");
        assertEquals(1, reported.size());
    }

    @Test
    void aRebuildThatFailsIsReportedAndTheLastGoodSiteStaysServed() throws Exception {
        AtomicBoolean failing = new AtomicBoolean();
        startWithRenderEnding(() -> {
            if (failing.get()) {
                throw new IllegalStateException("the disk went away");
            }
        }, PreviewServerTest::rethrow);
        Path answer = root.resolve("content/answers/rate-limits.md");
        failing.set(true);
        Files.writeString(answer, Files.readString(answer).replace("What does HTTP 429 mean?", "What does a 429 mean?"));
        server.changed(Set.of(answer.getParent()));
        server.awaitRebuilds();
        synchronized (log) {
            assertEquals(List.of("ERROR answersite: the rebuild failed (java.lang.IllegalStateException: the disk went"
                    + " away); serving the last good site until the next edit"),
                    log.stream().filter(line -> line.startsWith("ERROR")).toList());
        }
        assertTrue(get("/").body().contains("What does HTTP 429 mean?"), "the last good site is served");
    }

    /**
     * Starts the server on the example site, logging into {@link #log}, with {@code renderEnds} run as
     * each build's render stage ends (to make a rebuild fail there).
     */
    private void startWithRenderEnding(Runnable renderEnds, Consumer<OutOfMemoryError> outOfMemory) throws IOException {
        TestSites.exampleSite(root);
        bind = "127.0.0.1";
        BuildListener listener = new BuildListener() {
            @Override
            public void stageEnded(String stage, long millis) {
                if (stage.equals("render")) {
                    renderEnds.run();
                }
            }
        };
        server = new PreviewServer(new Answersite(PreviewServerTest.class.getClassLoader(), listener),
                TestSites.request(root), line -> {
                    synchronized (log) {
                        log.add(line.level() + " " + line.text());
                    }
                }, outOfMemory);
        port = server.start(bind, 0);
    }

    private static void rethrow(OutOfMemoryError e) {
        throw e;
    }

    /** Sends a request line as written, so the client cannot normalise the path first. */
    private int rawStatus(String path) throws IOException {
        return status(raw(path, "localhost:" + port));
    }

    /** The whole response to a GET of {@code path} with {@code host} as Host (none when null). */
    private String raw(String path, String host) throws IOException {
        try (Socket socket = new Socket(bind, port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.split(" ")[1]);
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
