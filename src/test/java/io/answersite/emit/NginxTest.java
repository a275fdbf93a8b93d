package io.answersite.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nginx snippet in a real nginx (Debian's package) on loopback, over the golden fixture site:
 * status codes, types, headers, 301s, the 404 page and content negotiation, through an HTTP client.
 * Runs in the {@code tools} profile ({@code mvn -Ptools test}, {@code -Dnginx=…} for another binary;
 * .ci/run installs the package); without nginx it fails, saying how to install it.
 */
@Tag("tools")
class NginxTest {

    @TempDir
    static Path folder;

    static Process nginx;
    static int port;
    static Path site;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        Path binary = Path.of(System.getProperty("nginx", "/usr/sbin/nginx"));
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("nginx is not at " + binary + "; install it with 'sudo apt-get install -y nginx'"
                    + " (as .ci/run does) or pass -Dnginx=<path of the nginx binary>");
        }
        site = folder.resolve("site");
        BuildRequest request = BuildRequest.forSite(TestSites.repositoryRoot().resolve("src/test/resources/sites/golden"),
                TestSites.TODAY).withOutputDir(site);
        assertEquals(List.of(), new Answersite().build(request).diagnostics());
        Path snippet = folder.resolve("answersite.conf");
        Files.writeString(snippet, NginxSnippet.of(Files.readString(site.resolve("_headers")),
                Files.readString(site.resolve("_redirects"))));
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path temp = Files.createDirectories(folder.resolve("temp"));
        Path conf = folder.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    access_log off;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    server {
                        listen 127.0.0.1:%3$d;
                        root %4$s;
                        include %5$s;
                    }
                }
                """.formatted(folder, temp, port, site, snippet));
        Process test = new ProcessBuilder(binary.toString(), "-t", "-p", folder.toString(), "-c", conf.toString())
                .redirectErrorStream(true).start();
        String said = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, test.waitFor(), said + "\n" + Files.readString(snippet));
        nginx = new ProcessBuilder(binary.toString(), "-p", folder.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        while (!listening()) {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx stopped: " + Files.readString(folder.resolve("nginx.out"))
                        + Files.readString(folder.resolve("error.log")));
            }
            Thread.sleep(20);
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String header(HttpResponse<?> response, String name) {
        return String.join(" | ", response.headers().allValues(name));
    }

    private static String file(String path) throws IOException {
        return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void servesAPageWithItsLinkHeaderAndVaryAccept() throws Exception {
        HttpResponse<String> page = get("/answers/rate-limits/", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, page.statusCode());
        assertEquals("text/html", header(page, "Content-Type"));
        assertEquals("</llms.txt>; rel=\"describedby\", </answers/rate-limits/index.md>; rel=\"alternate\"; "
                + "type=\"text/markdown\"", header(page, "Link"));
        assertEquals("Accept", header(page, "Vary"));
        assertEquals(file("answers/rate-limits/index.html"), page.body());
    }

    @Test
    void aClientThatPrefersMarkdownGetsThePagesTwin() throws Exception {
        for (String accept : List.of("text/markdown", "text/markdown, text/html;q=0.9", "text/markdown;q=0.9, */*;q=0.1")) {
            HttpResponse<String> twin = get("/answers/rate-limits/", accept);
            assertEquals(200, twin.statusCode(), accept);
            assertEquals("text/markdown; charset=utf-8", header(twin, "Content-Type"), accept);
            assertEquals("Accept", header(twin, "Vary"), accept);
            assertEquals(file("answers/rate-limits/index.md"), twin.body(), accept);
        }
        HttpResponse<String> html = get("/answers/rate-limits/", "text/html, text/markdown");
        assertEquals("text/html", header(html, "Content-Type"), "text/html listed first");
        HttpResponse<String> zh = get("/zh-cn/answers/rate-limits/", "text/markdown");
        assertEquals(file("zh-cn/answers/rate-limits/index.md"), zh.body());
        HttpResponse<String> list = get("/answers/", "text/markdown");
        assertEquals("text/html", header(list, "Content-Type"), "a list page has no twin");
        assertEquals("</llms.txt>; rel=\"describedby\"", header(list, "Link"));
    }

    @Test
    void servesTwinsAndLlmsFilesAsUtf8Text() throws Exception {
        HttpResponse<String> twin = get("/zh-cn/answers/rate-limits/index.md", null);
        assertEquals(200, twin.statusCode());
        assertEquals("text/markdown; charset=utf-8", header(twin, "Content-Type"));
        assertEquals(file("zh-cn/answers/rate-limits/index.md"), twin.body());
        for (String llms : List.of("/llms.txt", "/zh-cn/llms.txt", "/llms-full.txt")) {
            HttpResponse<String> text = get(llms, null);
            assertEquals(200, text.statusCode(), llms);
            assertEquals("text/plain; charset=utf-8", header(text, "Content-Type"), llms);
            assertEquals(file(llms.substring(1)), text.body(), llms);
        }
    }

    @Test
    void aliasesAnswer301WithThePagesPath() throws Exception {
        for (String alias : List.of("/terms/api-key/", "/terms/api-key")) {
            HttpResponse<String> moved = get(alias, null);
            assertEquals(301, moved.statusCode(), alias);
            assertEquals("http://127.0.0.1:" + port + "/glossary/api-key/", header(moved, "Location"), alias);
        }
    }

    @Test
    void aMissingPathGetsTheSites404Page() throws Exception {
        HttpResponse<String> missing = get("/answers/no-such-answer/", null);
        assertEquals(404, missing.statusCode());
        assertEquals(file("404.html"), missing.body());
    }

    @Test
    void searchPagesSayNoindexAndFingerprintedAssetsAreImmutable() throws Exception {
        HttpResponse<String> search = get("/search/", null);
        assertEquals(200, search.statusCode());
        assertEquals("noindex", header(search, "X-Robots-Tag"));
        String css = org.jsoup.Jsoup.parse(file("index.html")).selectFirst("link[rel=stylesheet]").attr("href");
        HttpResponse<String> asset = get(css, null);
        assertEquals(200, asset.statusCode(), css);
        assertEquals("text/css", header(asset, "Content-Type"));
        assertEquals("public, max-age=31536000, immutable", header(asset, "Cache-Control"));
        assertTrue(css.matches("/assets/answersite\\.[0-9a-f]{10}\\.css"), css);
    }
}
