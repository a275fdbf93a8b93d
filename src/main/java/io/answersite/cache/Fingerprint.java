package io.answersite.cache;

import io.answersite.source.RelativePaths;
import io.answersite.text.Murmur3;
import io.answersite.text.Sha256;
import io.answersite.work.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A SHA-256 fingerprint built from labelled parts: strings, files and whole folders (every file's
 * relative path and the hash of its bytes, in sorted order). Two fingerprints are equal only if every
 * part is. A file's bytes are hashed with {@link Murmur3} (128 bits): this hashes every content file
 * in every build, and with the client compiler alone (recommended for small sites) the JDK's SHA-256
 * took 40 % of the hashing samples of a clean 10,000-page build, MurmurHash3 a fifth of that time.
 */
public final class Fingerprint {

    /**
     * Threads that read a tree's files: the files of a site not in the page cache (a fresh clone, a
     * site larger than the cache) took 0.8 s to read at 10,000 pages (topics-200 corpus, page cache
     * dropped) with two threads, 0.5 s with eight, against 0.2 s once cached (see {@link Parallel#forEachWaiting}).
     */
    private static final int READERS = 8;

    private final MessageDigest digest = Sha256.digest();
    /** The hash of every file a tree added, by absolute path: the load stage trusts these instead of hashing again. */
    private final Map<Path, byte[]> fileHashes = new HashMap<>();
    /** Every file each tree's walk found, with the attributes it read, by the folder as given: the load stage lists no folder again. */
    private final Map<Path, SortedMap<Path, BasicFileAttributes>> listings = new HashMap<>();
    /** Each reader thread's buffer for {@link #streamedHash} (the readers are this fingerprint's own threads). */
    private final ThreadLocal<ByteBuffer> readBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1 << 16));

    public Fingerprint add(String label, String value) {
        update(label);
        update(value == null ? "\u0000null" : value);
        return this;
    }

    /** Adds a file's bytes, or the fact that it does not exist. */
    public Fingerprint addFile(String label, Path file) {
        update(label);
        update(Files.isRegularFile(file) ? Sha256.hex(bytesHash(file)) : "absent");
        return this;
    }

    /** Adds every file under {@code folder} (or the fact that there is no such folder); files hashed in parallel. */
    public Fingerprint addTree(String label, Path folder) {
        update(label);
        if (!Files.isDirectory(folder)) {
            update("absent");
            return this;
        }
        SortedMap<Path, BasicFileAttributes> listed = new TreeMap<>();
        try {
            // one stat per file, the walk's own (a walk and then a test of each path stat-ed every file twice)
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile()) {
                        listed.put(file, attributes);
                    } else if (attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                        listed.put(file, Files.readAttributes(file, BasicFileAttributes.class)); // the linked file's
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        listings.put(folder, listed);
        List<Path> files = List.copyOf(listed.keySet());
        List<byte[]> hashes = Parallel.mapWaiting(files, READERS, this::streamedHash);
        readBuffers.remove(); // the calling thread reads too, and outlives the fingerprint
        for (int i = 0; i < files.size(); i++) {
            update(RelativePaths.of(folder, files.get(i)));
            digest.update(hashes.get(i));
            fileHashes.put(files.get(i).toAbsolutePath().normalize(), hashes.get(i));
        }
        return this;
    }

    /**
     * The hash ({@link Murmur3#of}) of each file the trees added so far, by absolute normalized path,
     * handed over: the fingerprint keeps none of them. At 100,000 files they were about 35 MB, held
     * through the whole build by the fingerprint alone (heap dump of a 50,000-page build).
     */
    public Map<Path, byte[]> takeFileHashes() {
        Map<Path, byte[]> taken = Map.copyOf(fileHashes);
        fileHashes.clear();
        return taken;
    }

    /**
     * Every regular file (or link to one) the walk of {@link #addTree} found under {@code folder}, sorted,
     * with its attributes (a link's: the linked file's), handed over; empty when no tree was added
     * for that folder. The build's load stage takes the content folder's instead of walking it again.
     */
    public Optional<SortedMap<Path, BasicFileAttributes>> takeListing(Path folder) {
        return Optional.ofNullable(listings.remove(folder));
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
        return Sha256.hex(digest.digest());
    }

    private void update(String text) {
        Sha256.updateText(digest, text);
    }

    /**
     * As {@link #bytesHash}, the file read through its reader thread's buffer instead of into an array
     * of its own: at 10,000 pages (default corpus shape) those arrays were 94 MB of every build's garbage, a third of the
     * young generation a build with no change fills once and an edited build several times.
     */
    private byte[] streamedHash(Path file) {
        ByteBuffer buffer = readBuffers.get();
        Murmur3 murmur = new Murmur3(0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int read; (read = channel.read(buffer.clear())) >= 0; ) {
                murmur.update(buffer.array(), 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return murmur.digest();
    }

    static byte[] bytesHash(Path file) {
        try {
            return Murmur3.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

}
