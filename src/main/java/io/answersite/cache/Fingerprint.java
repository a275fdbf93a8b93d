package io.answersite.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 fingerprint built from labelled parts: strings, files and whole folders (every file's
 * relative path and bytes, in sorted order). Two fingerprints are equal only if every part is.
 */
public final class Fingerprint {

    private final MessageDigest digest = sha256();

    public Fingerprint add(String label, String value) {
        update(label);
        update(value == null ? "\u0000null" : value);
        return this;
    }

    /** Adds a file's bytes, or the fact that it does not exist. */
    public Fingerprint addFile(String label, Path file) {
        update(label);
        update(Files.isRegularFile(file) ? hex(bytesHash(file)) : "absent");
        return this;
    }

    /** Adds every file under {@code folder} (or the fact that there is no such folder); files hashed in parallel. */
    public Fingerprint addTree(String label, Path folder) {
        update(label);
        if (!Files.isDirectory(folder)) {
            update("absent");
            return this;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        List<byte[]> hashes = files.parallelStream().map(Fingerprint::bytesHash).toList();
        for (int i = 0; i < files.size(); i++) {
            update(folder.relativize(files.get(i)).toString().replace('\\', '/'));
            digest.update(hashes.get(i));
        }
        return this;
    }

    /**
     * Adds the code a class was loaded from: the plugin's jar (its bytes), or, when run from a
     * classes folder as in the tests, that folder.
     */
    public Fingerprint addCodeOf(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(location) ? addTree("code", location) : addFile("code", location);
        } catch (URISyntaxException | RuntimeException e) {
            return add("code", "unknown " + type.getName());
        }
    }

    public String hex() {
        return hex(digest.digest());
    }

    private void update(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    static byte[] bytesHash(Path file) {
        try {
            return sha256().digest(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A new SHA-256 digest (every Java runtime has the algorithm). */
    public static MessageDigest newSha256() {
        return sha256();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
