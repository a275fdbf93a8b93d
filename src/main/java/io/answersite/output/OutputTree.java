package io.answersite.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The files of one build, written into a staging folder and moved into place by {@link #commit()}.
 * When the output folder already exists, a file whose bytes equal the one already there is not
 * written at all, and {@code commit()} moves only the changed files in and deletes only the files
 * the build no longer makes: a build with no change writes nothing, and a failed build (which never
 * commits) leaves the previous output as it was.
 * Paths are relative with {@code /} separators; one that is absolute, climbs with {@code ..}, or is
 * written twice is a programming error and throws: the graph stage rejects such ids and aliases first.
 */
public final class OutputTree implements SiteOutput, AutoCloseable {

    private final Path outputDir;
    private final Path staging;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Set<String> staged = ConcurrentHashMap.newKeySet();
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
        if (sameAsPublished(relativePath, bytes)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            staged.add(relativePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativePath, e);
        }
    }

    /** Whether the output folder already holds exactly these bytes at this path. */
    private boolean sameAsPublished(String relativePath, byte[] bytes) {
        Path published = outputDir.resolve(relativePath);
        try {
            return Files.isRegularFile(published) && Files.size(published) == bytes.length
                    && java.util.Arrays.equals(Files.readAllBytes(published), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void copy(String relativePath, InputStream in) {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relativePath, e);
        }
        write(relativePath, bytes);
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
            return Files.readAllBytes((staged.contains(relativePath) ? staging : outputDir).resolve(relativePath));
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

    private int deleted;

    /** How many files the commit changed, added or deleted in the output folder (0 for a build with no change). */
    public int changedFiles() {
        return staged.size() + deleted;
    }

    /**
     * Makes the output folder hold exactly what was written: a new folder is moved in whole; an
     * existing one gets the changed files moved in and the files no longer made deleted.
     */
    public void commit() {
        ensureOpen();
        finished = true;
        try {
            if (!Files.exists(outputDir)) {
                move(staging, outputDir);
                return;
            }
            for (String path : staged) {
                Path target = outputDir.resolve(path);
                Files.createDirectories(target.getParent());
                Files.move(staging.resolve(path), target, StandardCopyOption.REPLACE_EXISTING);
            }
            try (Stream<Path> existing = Files.walk(outputDir)) {
                for (Path path : existing.sorted(Comparator.reverseOrder()).toList()) {
                    String relative = outputDir.relativize(path).toString().replace('\\', '/');
                    if (relative.isEmpty()) {
                        continue;
                    }
                    if (Files.isDirectory(path)) {
                        try (Stream<Path> children = Files.list(path)) {
                            if (children.findAny().isEmpty()) {
                                Files.delete(path);
                            }
                        }
                    } else if (!written.contains(relative)) {
                        Files.delete(path);
                        deleted++;
                    }
                }
            }
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + outputDir + " with the new site", e);
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
