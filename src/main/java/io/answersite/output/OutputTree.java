package io.answersite.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one build, written into a staging folder and moved into place by {@link #commit()}.
 * Paths are relative with {@code /} separators; one that is absolute, climbs with {@code ..}, or is
 * written twice is a programming error and throws: the graph stage rejects such ids and aliases first.
 */
public final class OutputTree implements SiteOutput, AutoCloseable {

    private final Path outputDir;
    private final Path staging;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private boolean finished;

    private OutputTree(Path outputDir, Path staging) {
        this.outputDir = outputDir;
        this.staging = staging;
    }

    /** Opens a staging folder next to {@code outputDir} (so that the final move is a rename). */
    public static OutputTree open(Path outputDir) {
        Path absolute = outputDir.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".staging-");
            return new OutputTree(absolute, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + absolute, e);
        }
    }

    @Override
    public void write(String relativePath, byte[] bytes) {
        Path target = resolve(relativePath);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativePath, e);
        }
    }

    @Override
    public void copy(String relativePath, InputStream in) {
        Path target = resolve(relativePath);
        try (in) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativePath, e);
        }
    }

    /** Every path written so far, sorted. */
    @Override
    public java.util.List<String> paths() {
        return written.stream().sorted().toList();
    }

    /** The bytes written at {@code relativePath} in this build (for the checks of the built site). */
    @Override
    public byte[] read(String relativePath) {
        if (!written.contains(relativePath)) {
            throw new IllegalArgumentException("'" + relativePath + "' was not written in this build");
        }
        try {
            return Files.readAllBytes(staging.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + relativePath, e);
        }
    }

    /** Whether a path has been written in this build. */
    public boolean contains(String relativePath) {
        return written.contains(relativePath);
    }

    public int fileCount() {
        return written.size();
    }

    /** Replaces the output folder with what was written; the previous output is removed after. */
    public void commit() {
        ensureOpen();
        finished = true;
        try {
            Path old = null;
            if (Files.exists(outputDir)) {
                old = Files.createTempDirectory(outputDir.getParent(), "." + outputDir.getFileName() + ".previous-");
                Files.delete(old);
                move(outputDir, old);
            }
            move(staging, outputDir);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new site into " + outputDir, e);
        }
    }

    /** Drops what was written; the output folder is left as it was. Does nothing after a commit. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            deleteTree(staging);
        }
    }

    private Path resolve(String relativePath) {
        ensureOpen();
        SiteOutput.requireSafe(relativePath);
        Path target = staging.resolve(relativePath).normalize();
        if (!target.startsWith(staging)) {
            throw new IllegalArgumentException("output path '" + relativePath + "' leaves the output folder");
        }
        if (!written.add(relativePath)) {
            throw new IllegalStateException("'" + relativePath + "' is written twice in one build");
        }
        return target;
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException("this output tree is already committed or closed");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
