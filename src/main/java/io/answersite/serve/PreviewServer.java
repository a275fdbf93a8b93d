package io.answersite.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.answersite.cache.Fragments;
import io.answersite.check.BuiltSiteCheck;
import io.answersite.content.LoadCache;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.render.RenderCache;
import io.answersite.render.SiteRenderer;
import io.answersite.report.ConsoleReport;
import io.answersite.sink.MemoryOutput;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import io.answersite.site.BuildResult;
import io.answersite.text.PercentDecoding;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Serves the site from memory on {@code bind:port} and rebuilds it when asked (by the watcher).
 * Pages get a small reload script and, while the last build failed, an overlay with its errors;
 * both are added on the way out, so the site in memory is byte for byte what a build writes.
 */
public final class PreviewServer implements AutoCloseable {

    static final String EVENTS = "/_answersite/events";

    private final Answersite answersite;
    private final BuildRequest request;
    private final Consumer<ConsoleReport.Line> log;
    private final LoadCache loadCache = new LoadCache();
    private final RenderCache renderCache = new RenderCache();
    private final Fragments fragments = Fragments.kept();
    private final BuiltSiteCheck.Memory checked = new BuiltSiteCheck.Memory();
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    /** The output paths of the pages browsers have open (their reload scripts name them), with how many. */
    private final Map<String, Integer> shown = new ConcurrentHashMap<>();
    private volatile String basePath = "";
    private volatile Set<String> allowedHosts = Set.of();
    private HttpServer server;
    private ExecutorService executor;
    private volatile MemoryOutput lastGood;
    private volatile Answersite.Sources sources;
    /** Pages rendered ahead of the full rebuild, by output path: served over {@link #lastGood} until it catches up. */
    private final Map<String, Overlay> overlay = new ConcurrentHashMap<>();
    private final AtomicLong edits = new AtomicLong();
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "answersite-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean rebuildQueued = new AtomicBoolean();
    private final Consumer<OutOfMemoryError> outOfMemory;
    private volatile boolean closed;

    private record Overlay(long edit, byte[] bytes) {
    }
    private volatile List<Diagnostic> errors = List.of();
    private final AtomicLong version = new AtomicLong();

    /**
     * @param log         receives every finding of a rebuild at its level, and notes on rebuilds at INFO
     * @param outOfMemory told when a rebuild in the background ran out of heap (the last good site is
     *                    still served, and the next edit tries again): say how to give the JVM more
     */
    public PreviewServer(Answersite answersite, BuildRequest request, Consumer<ConsoleReport.Line> log,
                         Consumer<OutOfMemoryError> outOfMemory) {
        this.answersite = answersite;
        this.request = request;
        this.log = log;
        this.outOfMemory = outOfMemory;
    }

    /** Builds once, then listens. Returns the port (useful when 0 asked for any free one). */
    public synchronized int start(String bind, int port) throws IOException {
        rebuild();
        server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "answersite-preview");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        allowedHosts = allowedHosts(bind, server.getAddress().getPort());
        server.start();
        return server.getAddress().getPort();
    }

    /**
     * The {@code Host} values the server answers: the bound address, {@code localhost} and
     * {@code 127.0.0.1}, each with the port (bare only on port 80), lower case. Any other name may
     * be a DNS-rebinding host name through which a web page the editor visits reads the preview.
     */
    static Set<String> allowedHosts(String bind, int port) {
        String bound = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        SortedSet<String> hosts = new TreeSet<>();
        for (String name : List.of("localhost", "127.0.0.1", bound.toLowerCase(Locale.ROOT))) {
            hosts.add(name + ":" + port);
            if (port == 80) {
                hosts.add(name);
            }
        }
        return Collections.unmodifiableSortedSet(hosts);
    }

    /** The queued rebuild; one that fails leaves the last good site served, and the next edit tries again. */
    private synchronized void rebuildInBackground() {
        rebuildQueued.set(false);
        try {
            if (!closed) {
                rebuild();
            }
        } catch (OutOfMemoryError e) {
            outOfMemory.accept(e);
        } catch (RuntimeException e) { // a bug, or a file that vanished while it was read
            log.accept(new ConsoleReport.Line("answersite: the rebuild failed (" + e + "); serving the last good site"
                    + " until the next edit", ConsoleReport.Level.ERROR));
        }
    }

    /**
     * Builds the site again (reading and rendering only what changed). On success the new site is
     * served and open pages reload; on errors the last good site stays, with the errors shown.
     */
    public synchronized BuildResult rebuild() {
        long editsSeen = edits.get();
        long start = System.nanoTime();
        Answersite.Preview preview = answersite.preview(request, loadCache, renderCache, checked, fragments,
                () -> Set.copyOf(shown.keySet()), pages -> show(pages, editsSeen, start, "rendered first"));
        BuildResult result = preview.result();
        int reread = loadCache.takeMisses();
        List<Diagnostic> errorsBefore = errors;
        boolean pagesChanged = false;
        if (result.failed()) {
            errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
            errors.forEach(e -> log.accept(new ConsoleReport.Line(e.format(), ConsoleReport.Level.ERROR)));
            sources = null; // the next edit waits for a good build before it is shown ahead
        } else {
            errors = List.of();
            pagesChanged = pagesDiffer(lastGood, preview.files());
            lastGood = preview.files();
            sources = preview.sources().orElse(null);
            basePath = preview.basePath();
            overlay.values().removeIf(page -> page.edit() <= editsSeen);
            result.diagnostics().forEach(d -> log.accept(new ConsoleReport.Line(d.format(), ConsoleReport.Level.WARNING)));
        }
        note("answersite: rebuilt (" + reread + " files read, " + result.pages().renderedPaths().size()
                + " pages rendered) in " + result.times().totalMillis() + " ms [" + result.times() + "]" + (result.failed()
                ? "; " + errors.size() + " errors, serving the last good site" : ""));
        if (pagesChanged || !errors.equals(errorsBefore)) {
            version.incrementAndGet(); // open pages reload only when what they could show changed
            notifyListeners();
        }
        return result;
    }

    /**
     * Serves pages browsers have open ahead of the rebuild that will bring them (as of edit {@code edit}),
     * where they differ from what is shown; a page an edit newer than {@code edit} has shown ahead stays.
     * {@code how} says in the log how they came ({@code rendered ahead}: after a template change; {@code
     * rendered first}: by a rebuild, before the rest of the site, after a site.yml edit seconds before it ends).
     */
    private void show(List<SiteRenderer.RenderedPage> pages, long edit, long start, String how) {
        MemoryOutput site = lastGood;
        List<String> changed = new ArrayList<>();
        for (SiteRenderer.RenderedPage page : pages) {
            Overlay ahead = overlay.get(page.path());
            byte[] shownNow = ahead != null ? ahead.bytes() : site == null ? null : site.get(page.path());
            if (shownNow != null && Arrays.equals(shownNow, page.bytes())) {
                continue;
            }
            overlay.compute(page.path(), (path, old) -> old != null && old.edit() > edit ? old
                    : new Overlay(edit, page.bytes()));
            changed.add(page.path());
        }
        if (!changed.isEmpty()) {
            note("answersite: " + changed.stream().sorted().collect(Collectors.joining(", ")) + " " + how + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            version.incrementAndGet();
            notifyListeners();
        }
    }

    /** Whether any HTML page differs between two builds (pages reused from the cache share their bytes). */
    private boolean pagesDiffer(MemoryOutput before, MemoryOutput after) {
        if (before == null) {
            return true;
        }
        Map<String, byte[]> old = before.files();
        Map<String, byte[]> now = after.files();
        if (!old.keySet().equals(now.keySet())) {
            return true;
        }
        for (String path : now.keySet()) {
            if (path.endsWith(".html")) {
                Overlay ahead = overlay.get(path);
                byte[] shown = ahead != null ? ahead.bytes() : old.get(path);
                byte[] page = now.get(path);
                if (shown != page && !Arrays.equals(shown, page)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Called by the watcher with the files that changed. When the change is one edited content page,
     * that page is rendered at once from the last good build and served ahead (open pages reload);
     * then the whole site is brought up to date in the background ({@link #rebuild}), at most one
     * rebuild running and one waiting, however fast the edits come.
     */
    public void changed(Set<Path> files) {
        loadCache.listing().reported(files); // the next rebuild reads these again instead of listing every file
        long edit = edits.incrementAndGet();
        Answersite.Sources current = sources;
        // editors save through temporary and backup files: what counts is the one page that changed
        List<Path> pages = files.stream().filter(f -> f.startsWith(request.contentDir())
                && f.getFileName().toString().endsWith(".md") && !f.getFileName().toString().startsWith(".")).toList();
        if (current != null && pages.size() == 1) {
            Path file = pages.get(0);
            if (Files.isRegularFile(file)) {
                long start = System.nanoTime();
                try {
                    answersite.editedPage(request, current, loadCache, file).ifPresent(page -> {
                        overlay.put(page.path(), new Overlay(edit, page.bytes()));
                        note("answersite: " + page.path() + " rendered ahead in "
                                + (System.nanoTime() - start) / 1_000_000 + " ms");
                        version.incrementAndGet();
                        notifyListeners();
                    });
                } catch (RuntimeException e) {
                    // the rebuild below reports what is wrong with the file
                }
            }
        }
        // a change of the templates alone: the pages browsers have open, with the new templates, at once
        if (current != null && pages.isEmpty() && !shown.isEmpty() && !files.isEmpty()
                && files.stream().allMatch(f -> f.startsWith(request.templatesDir()))) {
            long start = System.nanoTime();
            try {
                show(answersite.shownPagesAhead(request, current, Set.copyOf(shown.keySet())), edit, start,
                        "rendered ahead");
            } catch (RuntimeException e) {
                // the rebuild below reports what is wrong with the templates
            }
        }
        if (rebuildQueued.compareAndSet(false, true)) {
            rebuilder.execute(this::rebuildInBackground);
        }
    }

    /** Waits until the rebuilds asked for so far have finished (for tests and benchmarks). */
    public void awaitRebuilds() throws InterruptedException {
        try {
            rebuilder.submit(() -> { }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void note(String text) {
        log.accept(new ConsoleReport.Line(text, ConsoleReport.Level.INFO));
    }

    /** The errors of the last build (empty when it succeeded). */
    public List<Diagnostic> errors() {
        return errors;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !allowedHosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
                send(exchange, 403, "text/plain; charset=utf-8", ("refused: the preview answers only the Host "
                        + String.join(", ", allowedHosts) + "; open one of those (another name may be a web page"
                        + " reading the preview through DNS rebinding)\n")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            if (rawPath.equals(EVENTS)) {
                events(exchange);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            // a path with a malformed escape is not a URI: the HTTP server answers 400 before this handler
            String path = PercentDecoding.decodeOrKeep(rawPath);
            if (!(path + "/").startsWith(basePath + "/")) {
                notFound(exchange);
                return;
            }
            String relative = path.substring(basePath.length());
            if (relative.contains("..") || relative.contains("\\") || relative.indexOf('\0') >= 0) {
                send(exchange, 403, "text/plain; charset=utf-8", "refused: the path leaves the site\n"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            relative = relative.startsWith("/") ? relative.substring(1) : relative;
            MemoryOutput site = lastGood;
            if (site == null) {
                send(exchange, 503, "text/html; charset=utf-8", inject(("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                        + "<title>No site yet</title></head><body><h1>The site has errors</h1></body></html>")
                        .getBytes(StandardCharsets.UTF_8)));
                return;
            }
            String file = relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
            Overlay ahead = overlay.get(file);
            byte[] bytes = ahead != null ? ahead.bytes() : site.get(file);
            if (bytes == null && site.get(file + "/index.html") != null) {
                exchange.getResponseHeaders().set("Location", basePath + "/" + file + "/");
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            if (bytes == null) {
                notFound(exchange);
                return;
            }
            String type = ContentTypes.of(file);
            send(exchange, 200, type, type.startsWith("text/html") ? inject(bytes) : bytes);
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        MemoryOutput site = lastGood;
        byte[] page = site == null ? null : site.get("404.html");
        send(exchange, 404, "text/html; charset=utf-8", inject(page != null ? page
                : "<!DOCTYPE html><title>Not found</title><h1>Not found</h1>".getBytes(StandardCharsets.UTF_8)));
    }

    private void events(HttpExchange exchange) throws IOException {
        String page = shownPage(exchange.getRequestURI().getRawQuery());
        if (page != null) {
            shown.merge(page, 1, Integer::sum);
        }
        try {
            streamEvents(exchange);
        } finally {
            if (page != null) {
                shown.computeIfPresent(page, (path, count) -> count > 1 ? count - 1 : null);
            }
        }
    }

    /**
     * The output path of the page a reload script names ({@code page=/base/answers/x/}: {@code
     * answers/x/index.html}), or null when it names none under the site's base path.
     */
    String shownPage(String rawQuery) {
        if (rawQuery == null || !rawQuery.startsWith("page=")) {
            return null;
        }
        String path = PercentDecoding.decodeOrKeep(rawQuery.substring("page=".length()));
        String base = basePath.isEmpty() ? "/" : basePath;
        if (!path.startsWith(base) || path.contains("..")) {
            return null;
        }
        String relative = path.substring(base.length());
        return relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
    }

    private void streamEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(("retry: 500\ndata: " + version.get() + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        listeners.add(out);
        synchronized (out) {
            try {
                out.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void notifyListeners() {
        for (OutputStream out : listeners) {
            try {
                out.write(("data: " + version.get() + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                listeners.remove(out);
                synchronized (out) {
                    out.notifyAll();
                }
            }
        }
    }

    /** Adds the reload script and, after a failed build, the error overlay, before {@code </body>}. */
    byte[] inject(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        StringBuilder extra = new StringBuilder();
        List<Diagnostic> current = errors;
        if (!current.isEmpty()) {
            extra.append("<div id=\"answersite-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;"
                    + "overflow:auto;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;padding:1rem;"
                    + "font:14px/1.5 ui-monospace,monospace;z-index:9999\"><strong>The site has errors; this is the last good"
                    + " build.</strong><ul>");
            for (Diagnostic error : current) {
                extra.append("<li>").append(escape(error.format())).append("</li>");
            }
            extra.append("</ul></div>");
        }
        extra.append("<script>(function(){var v=null;var s=new EventSource('").append(EVENTS)
                .append("?page='+encodeURIComponent(location.pathname));s.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;};})();</script>");
        int end = page.lastIndexOf("</body>");
        String result = end < 0 ? page + extra : page.substring(0, end) + extra + page.substring(end);
        return result.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (OutputStream out : listeners) {
            synchronized (out) {
                out.notifyAll();
            }
        }
        listeners.clear();
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        rebuilder.shutdownNow();
    }
}
