package io.answersite.render;

import io.answersite.cache.InputDigest;
import io.answersite.cache.Same;
import io.answersite.content.LoadCache;
import io.answersite.content.PageKey;
import io.answersite.text.Murmur3;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the previous build rendered, by output path: a digest of the theme's fingerprint, the template
 * name and the view model the page was rendered from, and the bytes. A page whose view model is unchanged is not rendered
 * again; since view models hold everything a template shows, this finds exactly the pages a change
 * reaches (the page itself, its topic, the hub, lists, and every page that shows its title or
 * short answer), with no dependency list to keep in step with the templates. Thread-safe.
 *
 * <p>Two forms: the preview server keeps the bytes in memory, with what each page's view was made
 * from, so that a page none of whose inputs changed is not even viewed ({@link #unchanged}); a build
 * keeps only a hash of the bytes and takes them back from the published output folder, if the file
 * there still has that hash (see {@link #published}). The digest covers the theme's fingerprint and
 * the template's name; the build cache also drops the whole cache when the plugin changes.
 */

public final class RenderCache {

    private static final int DIGEST_BYTES = 32;

    /**
     * @param digest the structural digest of the template and view the page was rendered from
     * @param bytes the page (kept in memory only), or null
     * @param outputHash the hash of the page ({@link #pageHash}; kept on disk only), or null
     * @param inputs what the view was made from, as {@link #inputsKey} gave it: the inputs themselves in
     *     memory, their {@link InputDigest} on disk; null when not known
     */
    private record Entry(byte[] digest, byte[] bytes, byte[] outputHash, Object inputs) {
    }

    /**
     * A digest of a page's inputs (see {@link InputDigest}), equal by content; with the files whose
     * records the inputs hold ({@link Same}: each the first eight bytes of the file's digest, see
     * {@link InputDigest#fileOf}), or null when not known.
     */
    private record InputsDigest(byte[] bytes, long[] records) {
        @Override
        public boolean equals(Object other) {
            return other instanceof InputsDigest that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    /**
     * A digest of what every page's inputs hold besides the pages' records (the site's constants, the
     * glossary, the day of the build), as this build's {@link ViewInputs} gave it; null until then.
     */
    private volatile byte[] structure;
    /** The same, as the last build recorded it; null when not known. */
    private volatile byte[] lastStructure;
    /** The day the build is made for (see {@link #keepInputsUnless}), part of {@link #structure}. */
    private volatile String buildDay = "";
    /**
     * The load cache's entries as this build found them ({@code BuildCache.loadState}), and as the last
     * build that wrote this cache left them: the records the changed files are compared with must be the
     * ones that build rendered from, not a failed build's since (null: not known).
     */
    private volatile byte[] loadsFound;
    private volatile byte[] loadsLeft;
    private volatile byte[] lastLoadsLeft;
    /**
     * The first eight bytes of the last build's digest of each file whose bytes changed since, when
     * every such change left the site's structure as it was (see {@link #keepInputsUnless}); asked once.
     */
    private volatile Supplier<Optional<Set<Long>>> changedRecords = Optional::empty;
    private volatile Optional<Set<Long>> changed;
    /** The pages {@link #keptInputs} took back in this build. */
    private final Set<PageKey> keptPages = ConcurrentHashMap.newKeySet();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * A page as the last build left it: its bytes in memory (the preview's), or the hash the last
     * build recorded for the published file and how to read that file.
     *
     * @param bytes the page, or null when it is only on disk and not read yet
     * @param outputHash the hash of the published file ({@link #pageHash}; on disk only), or null
     * @param published reads the published file (on disk only), or null
     */
    record Kept(byte[] bytes, byte[] outputHash, Supplier<byte[]> published) {
    }

    /**
     * Published files the last build wrote that are still as it left them (same size and
     * modification time, see {@code BuildCache.untouchedOutputs}): their recorded hash is trusted
     * without reading them. Empty: every published file is read and hashed before it is kept.
     */
    private volatile Supplier<Set<String>> untouched = Set::of;

    /** A part of a page's view and what it was made from (in memory only). */
    private record Memo(Object inputs, Object value) {
    }

    /** Each page's JSON-LD script, kept with the tree it was written from. */
    private final Map<String, Memo> scripts = new ConcurrentHashMap<>();
    /** Parts of each page's view (see {@link #memo}). */
    private final Map<String, Memo> memos = new ConcurrentHashMap<>();
    private final Path publishedDir;
    /** How a cache on disk compares inputs (null in memory, where the inputs themselves are kept). */
    private final InputDigest inputDigest;

    /** A cache that keeps rendered bytes in memory (the preview server's). */
    public RenderCache() {
        this(null, null);
    }

    private RenderCache(Path publishedDir, InputDigest inputDigest) {
        this.publishedDir = publishedDir;
        this.inputDigest = inputDigest;
    }

    /** A cache that keeps hashes only and reuses the files of {@code outputDir} whose hash still matches. */
    public static RenderCache published(Path outputDir) {
        return published(outputDir, new InputDigest(record -> null));
    }

    /**
     * As {@link #published(Path)}, also taking back a page none of whose inputs changed without
     * making its view: inputs are compared by {@code digests}, which digests a record read from a file
     * as that file (its path and content hash, see {@link LoadCache#fileDigestOf}); the build's
     * emitters use the same, so what both read (a page's links) is digested once.
     */
    public static RenderCache published(Path outputDir, InputDigest digests) {
        return new RenderCache(outputDir, digests);
    }

    /**
     * What {@code inputs} are kept and compared as: the inputs themselves in memory; on disk their
     * digest, or null when they cannot be digested (the page is then viewed, never reused on a guess).
     */
    Object inputsKey(List<Object> inputs) {
        if (inMemory() || inputs == null) {
            return inputs;
        }
        byte[] digest = inputDigest.digest(inputs);
        return digest == null ? null : new InputsDigest(digest, records(inputs));
    }

    /** The first eight bytes of the file digest of each record {@code inputs} hold as {@link Same}, read from a file. */
    private long[] records(List<Object> inputs) {
        long[] records = new long[inputs.size()];
        int count = 0;
        for (Object input : inputs) {
            if (input instanceof Same same && same.value() != null) {
                byte[] file = inputDigest.fileOf(same.value());
                if (file != null) {
                    records[count++] = recordId(file);
                }
            }
        }
        return Arrays.copyOf(records, count);
    }

    /** How the reverse index names a file's record: the first eight bytes of its digest. */
    public static long recordId(byte[] fileDigest) {
        return ByteBuffer.wrap(fileDigest, 0, Long.BYTES).getLong();
    }

    /**
     * Records the digest of what every page's inputs hold besides the pages' records (see {@link
     * #structure}): pages are taken back by {@link #keptInputs} only when the last build's was the same.
     */
    void structure(List<Object> inputs) {
        if (!inMemory()) {
            structure = inputDigest.digest(List.of(buildDay, inputs));
        }
    }

    /**
     * Lets {@link #keptInputs} take a page back without its inputs being made, in a build of the site
     * as of {@code day} (which pages are published depends on it) that found the load cache's entries as
     * {@code loads} (the last build that wrote this cache must have left them so), when {@code changed}
     * (asked when the first page is) gives the files whose bytes changed since the last build, as the
     * first eight bytes of the digest the last build's records were given ({@link #recordId}), and
     * only when no such change touched the site's structure (empty otherwise: every page's inputs are
     * made and compared).
     */
    public void keepInputsUnless(String day, byte[] loads, Supplier<Optional<Set<Long>>> changed) {
        buildDay = day;
        loadsFound = loads;
        changedRecords = changed;
    }

    /** The load cache's entries as this build leaves them ({@code BuildCache.loadState}), written with this cache. */
    public void loadsLeft(byte[] loads) {
        loadsLeft = loads;
    }

    /**
     * The inputs the last build recorded for the page at {@code path}, when they are still what its
     * inputs would be: the site's structure is as it was (the same constants and day, see
     * {@link #structure}, and every changed file changed only texts its own page shows, see {@link
     * #keepInputsUnless}), and none of the records the page read was changed. Null otherwise (make the
     * inputs and compare them). On disk only: the preview compares its inputs in memory.
     */
    Object keptInputs(String path, PageKey page) {
        Object kept = recordedInputsIfUnchanged(path);
        if (kept != null) {
            keptPages.add(page);
        }
        return kept;
    }

    /**
     * Whether {@code page}'s inputs were taken back by {@link #keptInputs} in this build: none of the
     * records it reads changed, nor the site's structure, so neither did what its twin and llms.json
     * entry read, a subset of it (see {@code cache.Fragments#trustInputsOf}).
     */
    public boolean inputsKept(PageKey page) {
        return keptPages.contains(page);
    }

    /**
     * Whether the site's structure is as the last build left it: the same constants and day (see
     * {@link #structure}, known once the render has started), the load cache's entries as that build
     * left them, and every file changed since changed only texts its own page shows (see {@link
     * #keepInputsUnless}). On disk only.
     */
    public boolean structureKept() {
        return changedFiles().isPresent();
    }

    /**
     * Whether the load cache's entries are as the last build that wrote this cache left them (see
     * {@link #keepInputsUnless}): the records changed files are compared with are the ones it read.
     */
    public boolean loadsAsLeft() {
        return !inMemory() && loadsFound != null && Arrays.equals(loadsFound, lastLoadsLeft);
    }

    /** The records of the files changed since the last build when {@link #structureKept}; empty otherwise. */
    private Optional<Set<Long>> changedFiles() {
        if (structure == null || !Arrays.equals(structure, lastStructure) || !loadsAsLeft()) {
            return Optional.empty();
        }
        Optional<Set<Long>> changedFiles = changed;
        if (changedFiles == null) {
            synchronized (this) {
                if (changed == null) {
                    changed = changedRecords.get();
                }
                changedFiles = changed;
            }
        }
        return changedFiles;
    }

    private Object recordedInputsIfUnchanged(String path) {
        Optional<Set<Long>> changedFiles = changedFiles();
        Entry entry = entries.get(path);
        if (changedFiles.isEmpty() || entry == null || !(entry.inputs() instanceof InputsDigest inputs)
                || inputs.records() == null) {
            return null;
        }
        for (long record : inputs.records()) {
            if (changedFiles.get().contains(record)) {
                return null;
            }
        }
        return inputs;
    }

    /** Whether pages are kept in memory (the preview's) rather than as hashes of the published files. */
    boolean inMemory() {
        return publishedDir == null;
    }

    /**
     * The bytes rendered last time for {@code path}, if its view had the same structural digest
     * ({@link ViewDigest}: a digest, not the view, is kept, so the preview holds each page once, as
     * bytes): from memory, or from the published file if its hash is still the one written.
     */
    Optional<Kept> reuse(String path, byte[] digest) {
        Entry entry = entries.get(path);
        if (entry == null || !Arrays.equals(entry.digest, digest)) {
            return Optional.empty();
        }
        if (entry.bytes != null) {
            return Optional.of(new Kept(entry.bytes, null, null));
        }
        return published(path, entry);
    }

    private Optional<Kept> published(String path, Entry entry) {
        Path file = publishedDir.resolve(path);
        if (untouched.get().contains(path)) {
            return Optional.of(new Kept(null, entry.outputHash, () -> {
                try {
                    return Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file + ", which the last build wrote", e);
                }
            }));
        }
        try {
            byte[] onDisk = Files.readAllBytes(file);
            return Arrays.equals(pageHash(onDisk), entry.outputHash)
                    ? Optional.of(new Kept(onDisk, entry.outputHash, () -> onDisk)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone or unreadable: render it again
        }
    }

    /**
     * Trusts the recorded hashes of {@code paths}: published files still as the last build left
     * them, so that keeping one reads nothing.
     */
    public void trustUntouched(Set<String> paths) {
        Set<String> trusted = Set.copyOf(paths);
        untouched = () -> trusted;
    }

    /** As {@link #trustUntouched(Set)}, with the paths as {@code paths} gives them when a page first asks. */
    public void trustUntouched(Supplier<Set<String>> paths) {
        untouched = paths;
    }

    /**
     * The hash a page's bytes are recorded and checked by: MurmurHash3 x64-128, compared only with
     * what this plugin recorded for the same path (a build hashes every page it writes, and without
     * C2 SHA-256 costs ten times as much; see {@link Murmur3}).
     */
    static byte[] pageHash(byte[] bytes) {
        return Murmur3.of(bytes);
    }

    /** The {@link #pageHash} of the page last written at {@code path}, if this cache knows it. */
    public Optional<byte[]> outputHash(String path) {
        Entry entry = entries.get(path);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(entry.outputHash != null ? entry.outputHash : pageHash(entry.bytes));
    }

    /**
     * The bytes kept for {@code path} when they were rendered from equal {@code inputs}: everything
     * the page's view is made of (see {@code ViewInputs.of}), so that the view need not be
     * made at all. In memory only; empty otherwise.
     */
    Optional<Kept> unchanged(String path, Object inputs) {
        Entry entry = entries.get(path);
        if (entry == null || entry.inputs() == null || !entry.inputs().equals(inputs)) {
            return Optional.empty();
        }
        return entry.bytes() != null ? Optional.of(new Kept(entry.bytes(), null, null)) : published(path, entry);
    }

    /** Records what {@code path}'s view was made from, for an entry {@link #reuse} handed back. */
    void madeFrom(String path, Object inputs) {
        entries.computeIfPresent(path, (p, entry) -> new Entry(entry.digest(), entry.bytes(), entry.outputHash(),
                inputs));
    }

    /** {@code value}, or the equal value this cache handed out before under {@code name}: compared by identity afterwards. */
    @SuppressWarnings("unchecked")
    <T> T canonical(String name, T value) {
        if (!inMemory()) {
            return value;
        }
        Object kept = canonicals.merge(name, value, (old, now) -> old.equals(now) ? old : now);
        return (T) kept;
    }

    private final Map<String, Object> canonicals = new ConcurrentHashMap<>();

    /** @param inputs what the view was made from (kept in memory only), or null when not known */
    /** The size of the page at {@code path} as last kept in memory, or 0 when not known. */
    int lastSize(String path) {
        Entry entry = entries.get(path);
        return entry == null || entry.bytes == null ? 0 : entry.bytes.length;
    }

    /** Whether this cache has an entry for {@code path}: a page the last build wrote. */
    boolean knows(String path) {
        return entries.containsKey(path);
    }

    void store(String path, byte[] digest, byte[] bytes, Object inputs) {
        entries.put(path, inMemory() ? new Entry(digest, bytes, null, inputs)
                : new Entry(digest, null, pageHash(bytes), inputs));
    }

    /**
     * The JSON-LD script of the page at {@code path}: the one written last time when its tree is
     * equal to {@code tree}, else {@code write}'s. Every page's view holds its script, so the
     * preview would otherwise serialize every page's structured data again to find it unchanged.
     */
    <T> T script(String path, Object tree, Supplier<T> write) {
        return kept(scripts, path, tree, write);
    }

    /**
     * The part of the view of the page at {@code path} that was made last time from {@code inputs}
     * equal to these, else {@code make}'s (kept for the next build). In memory only: a build on disk
     * makes it every time.
     */
    <T> T memo(String path, Object inputs, Supplier<T> make) {
        return kept(memos, path, inputs, make);
    }

    @SuppressWarnings("unchecked")
    private <T> T kept(Map<String, Memo> kept, String path, Object inputs, Supplier<T> make) {
        if (!inMemory()) {
            return make.get();
        }
        Memo last = kept.get(path);
        if (last != null && last.inputs().equals(inputs)) {
            return (T) last.value();
        }
        T value = make.get();
        kept.put(path, new Memo(inputs, value));
        return value;
    }

    /** Forgets pages the last build did not produce. */
    public void retainOnly(Collection<String> paths) {
        Set<String> kept = new HashSet<>(paths);
        entries.keySet().retainAll(kept);
        scripts.keySet().retainAll(kept);
        memos.keySet().retainAll(kept);
    }

    /** Writes the digests and output hashes (never bytes), sorted by path, under {@code key}. */
    public void writeTo(DataOutputStream out, String key) throws IOException {
        out.writeUTF(FORMAT);
        out.writeUTF(key);
        byte[] built = structure;
        out.writeBoolean(built != null);
        if (built != null) {
            out.write(built);
        }
        byte[] loads = loadsLeft;
        out.writeBoolean(loads != null);
        if (loads != null) {
            out.writeShort(loads.length);
            out.write(loads);
        }
        Map<String, Entry> sorted = new TreeMap<>(entries);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Entry> entry : sorted.entrySet()) {
            out.writeUTF(entry.getKey());
            out.write(entry.getValue().digest);
            out.write(entry.getValue().outputHash != null ? entry.getValue().outputHash
                    : pageHash(entry.getValue().bytes));
            if (entry.getValue().inputs() instanceof InputsDigest inputs) {
                out.writeBoolean(true);
                out.write(inputs.bytes());
                long[] records = inputs.records() != null ? inputs.records() : new long[0];
                out.writeBoolean(inputs.records() != null);
                out.writeInt(records.length);
                for (long record : records) {
                    out.writeLong(record);
                }
            } else {
                out.writeBoolean(false);
            }
        }
    }

    /**
     * The layout of {@link #writeTo}: the structure's digest and the load cache's state if known; then per page its path, view
     * digest, output hash, and the inputs' digest if known, with the records they held.
     */
    private static final String FORMAT = "render-3";

    /**
     * Reads what {@link #writeTo} wrote, into a cache over {@code outputDir}; an empty cache when the
     * key differs (another theme, plugin or site configuration).
     */
    public static RenderCache readFrom(DataInputStream in, String key, Path outputDir) throws IOException {
        return readFrom(in, key, outputDir, new InputDigest(record -> null));
    }

    /**
     * As {@link #readFrom(DataInputStream, String, Path)}, into a cache that also compares pages'
     * inputs (see {@link #published(Path, InputDigest)}).
     */
    public static RenderCache readFrom(DataInputStream in, String key, Path outputDir,
                                       InputDigest digests) throws IOException {
        RenderCache cache = published(outputDir, digests);
        if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
            return cache;
        }
        byte[] built = null;
        if (in.readBoolean()) {
            built = new byte[DIGEST_BYTES];
            in.readFully(built);
        }
        byte[] loads = null;
        if (in.readBoolean()) {
            loads = new byte[in.readUnsignedShort()];
            in.readFully(loads);
        }
        Map<String, Entry> read = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String path = in.readUTF();
            byte[] digest = new byte[DIGEST_BYTES];
            in.readFully(digest);
            byte[] hash = new byte[DIGEST_BYTES];
            in.readFully(hash);
            InputsDigest inputs = null;
            if (in.readBoolean()) {
                byte[] bytes = new byte[DIGEST_BYTES];
                in.readFully(bytes);
                boolean known = in.readBoolean();
                int count = in.readInt();
                if (count < 0 || count > 1 << 20) {
                    throw new IOException("a page that read " + count + " records");
                }
                long[] records = new long[count];
                for (int r = 0; r < records.length; r++) {
                    records[r] = in.readLong();
                }
                inputs = new InputsDigest(bytes, known ? records : null);
            }
            read.put(path, new Entry(digest, null, hash, inputs));
        }
        cache.entries.putAll(read); // all or nothing: a file cut short leaves the cache empty
        cache.lastStructure = built;
        cache.lastLoadsLeft = loads;
        return cache;
    }
}
