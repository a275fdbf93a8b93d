package io.answersite.emit;

import io.answersite.output.SiteOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Copies static files to the output root as they are: the built-in theme's ({@code site/static/}
 * of this repository, packaged under {@code theme/static/}), then the site's own, which win where
 * both have a file of the same path.
 */
public final class StaticAssets {

    static final String BUILT_IN = "theme/static/";

    private final ClassLoader classLoader;
    private final Path siteStatic;

    /** @param siteStatic the site's static folder; it need not exist */
    public StaticAssets(ClassLoader classLoader, Path siteStatic) {
        this.classLoader = classLoader;
        this.siteStatic = siteStatic;
    }

    /** Writes every static file; returns how many. */
    public int emit(SiteOutput output) {
        TreeMap<String, Source> files = new TreeMap<>();
        builtIn(files);
        if (siteStatic != null && Files.isDirectory(siteStatic)) {
            try (Stream<Path> paths = Files.walk(siteStatic)) {
                paths.filter(Files::isRegularFile).sorted().forEach(file -> {
                    String relative = siteStatic.relativize(file).toString().replace('\\', '/');
                    files.put(relative, () -> Files.newInputStream(file));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + siteStatic, e);
            }
        }
        files.forEach((path, source) -> {
            try {
                output.copy(path, source.open());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read static file " + path, e);
            }
        });
        return files.size();
    }

    private void builtIn(TreeMap<String, Source> files) {
        URL root = classLoader.getResource(BUILT_IN);
        if (root == null) {
            return;
        }
        try {
            if (root.getProtocol().equals("file")) {
                Path folder = Path.of(root.toURI());
                try (Stream<Path> paths = Files.walk(folder)) {
                    paths.filter(Files::isRegularFile).forEach(file -> files.put(
                            folder.relativize(file).toString().replace('\\', '/'), () -> Files.newInputStream(file)));
                }
            } else if (root.getProtocol().equals("jar")) {
                URLConnection connection = root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        if (!entry.isDirectory() && entry.getName().startsWith(BUILT_IN)) {
                            byte[] bytes;
                            try (InputStream in = jar.getInputStream(entry)) {
                                bytes = in.readAllBytes();
                            }
                            files.put(entry.getName().substring(BUILT_IN.length()),
                                    () -> new java.io.ByteArrayInputStream(bytes));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in static files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Source {
        InputStream open() throws IOException;
    }
}
