package io.answersite.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Serves a built site folder on loopback, as any static host would. */
final class StaticServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css",
            "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "json", "application/json", "png",
            "image/png", "svg", "image/svg+xml", "md", "text/markdown; charset=utf-8", "xml", "application/xml",
            "txt", "text/plain; charset=utf-8");

    private final HttpServer server;

    StaticServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                Path file = root.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    file = root.resolve("404.html");
                    exchange.getResponseHeaders().set("Content-Type", TYPES.get("html"));
                    byte[] body = Files.readAllBytes(file);
                    exchange.sendResponseHeaders(404, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                String name = file.getFileName().toString();
                String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
                exchange.getResponseHeaders().set("Content-Type", type);
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
