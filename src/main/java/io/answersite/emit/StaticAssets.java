package io.answersite.emit;

import io.answersite.sink.SiteOutput;
import io.answersite.text.Sha256;
import java.io.ByteArrayInputStream;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Copies static files to the output root as they are: the built-in theme's ({@code site/static/}
 * of this repository, packaged under {@code theme/static/}), then the site's own, which win where
 * both have a file of the same path. A {@code _headers} or {@code _redirects} file at the root of the
 * site's folder is not copied: {@link HostingFiles} puts its rules before the generated ones.
 *
 * <p>Every CSS and JS file is also written under a fingerprinted name, its name with the first ten
 * hex digits of a SHA-256 of its bytes before the extension ({@code assets/answersite.3f2a9c1d0b.css}):
 * pages link to those, so a host may cache them forever and a deploy never serves a stale one. The
 * plain name stays for templates of a site that name the file themselves.
 */
public final class StaticAssets {

    static final String BUILT_IN = "theme/static/";

    private final ClassLoader classLoader;
    private final Path siteStatic;
    private TreeMap<String, Source> files;

    /** @param siteStatic the site's static folder; it need not exist */
    public StaticAssets(ClassLoader classLoader, Path siteStatic) {
        this.classLoader = classLoader;
        this.siteStatic = siteStatic;
    }

    /** Writes every static file and the fingerprinted copy of each CSS and JS file; returns how many files. */
    public int emit(SiteOutput output) {
        TreeMap<String, Source> files = files();
        Map<String, String> fingerprinted = fingerprinted(files);
        files.forEach((path, source) -> {
            try {
                output.copy(path, source.open());
                String named = fingerprinted.get(path);
                if (named != null) {
                    output.copy(named, source.open());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read static file " + path, e);
            }
        });
        return files.size() + fingerprinted.size();
    }

    /**
     * The fingerprinted output path of every CSS and JS file by its plain output path
     * ({@code assets/answersite.css} → {@code assets/answersite.3f2a9c1d0b.css}), sorted.
     */
    public Map<String, String> fingerprinted() {
        return fingerprinted(files());
    }

    private static Map<String, String> fingerprinted(TreeMap<String, Source> files) {
        Map<String, String> names = new TreeMap<>();
        files.forEach((path, source) -> {
            int dot = path.lastIndexOf('.');
            String extension = dot < 0 ? "" : path.substring(dot);
            if (extension.equals(".css") || extension.equals(".js")) {
                try (InputStream in = source.open()) {
                    byte[] hash = Sha256.of(in.readAllBytes());
                    names.put(path, path.substring(0, dot) + "." + Sha256.hex(hash, 5) + extension);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read static file " + path, e);
                }
            }
        });
        return names;
    }

    private TreeMap<String, Source> files() {
        if (files == null) {
            files = collect();
        }
        return files;
    }

    private TreeMap<String, Source> collect() {
        TreeMap<String, Source> files = new TreeMap<>();
        builtIn(files);
        if (siteStatic != null && Files.isDirectory(siteStatic)) {
            try (Stream<Path> paths = Files.walk(siteStatic)) {
                paths.filter(Files::isRegularFile).sorted().forEach(file -> {
                    String relative = siteStatic.relativize(file).toString().replace('\\', '/');
                    if (!relative.equals(HostingFiles.HEADERS) && !relative.equals(HostingFiles.REDIRECTS)) {
                        files.put(relative, () -> Files.newInputStream(file));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + siteStatic, e);
            }
        }
        return files;
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
                                    () -> new ByteArrayInputStream(bytes));
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
