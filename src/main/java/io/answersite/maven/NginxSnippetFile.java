package io.answersite.maven;

import io.answersite.cache.Fingerprint;
import io.answersite.emit.NginxSnippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The nginx snippet of a built site ({@link NginxSnippet}) as a file, made again only when what it is
 * made from changed: the site's {@code _headers} and {@code _redirects} and the plugin. At 10,000 pages
 * (default corpus shape) the snippet is 6.9 MB translated from 2.8 MB of {@code _headers}, about a
 * quarter of a second of every build, a build with no change included (docs/PERFORMANCE.md, session
 * 25). A stamp in the build cache says what the file was made from and its size and modification time
 * when written; a file changed since, or gone, is written again.
 *
 * <p>The snippet is written beside its place and moved there, so a stopped build leaves the old
 * snippet or the new one, never a part; the stamp is replaced after it.
 */
final class NginxSnippetFile {

    /** The stamp's name in the build cache's folder. */
    static final String STAMP = "nginx-snippet.stamp";

    private NginxSnippetFile() {
    }

    /**
     * Writes the snippet of {@code headers} and {@code redirects} to {@code snippet}, unless the stamp
     * ({@code stamp}, null: none is kept) says the file there is already that snippet.
     *
     * @return whether the file was written
     */
    static boolean write(Path headers, Path redirects, Path snippet, Path stamp) throws IOException {
        String inputs = new Fingerprint().addCodeOf(NginxSnippet.class).add("snippet", snippet.toAbsolutePath()
                .normalize().toString()).addFile("headers", headers).addFile("redirects", redirects).hex();
        if (stamp != null && upToDate(stamp, inputs, snippet)) {
            return false;
        }
        replace(snippet, NginxSnippet.of(Files.readString(headers), Files.readString(redirects)));
        if (stamp != null) {
            replace(stamp, inputs + "\n" + stampOf(snippet) + "\n");
        }
        return true;
    }

    /** Writes {@code text} beside {@code file} and moves it over {@code file}: a stopped build leaves one or the other. */
    private static void replace(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path written = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(written, text, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static boolean upToDate(Path stamp, String inputs, Path snippet) throws IOException {
        if (!Files.isRegularFile(stamp) || !Files.isRegularFile(snippet)) {
            return false;
        }
        List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
        return lines.size() == 2 && lines.get(0).equals(inputs) && lines.get(1).equals(stampOf(snippet));
    }

    /** The file's size and modification time in milliseconds. */
    private static String stampOf(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + " " + attributes.lastModifiedTime().toMillis();
    }
}
