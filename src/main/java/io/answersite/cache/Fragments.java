package io.answersite.cache;

import io.answersite.sink.SiteOutput;
import io.answersite.text.Murmur3;
import io.answersite.text.ParkedBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values computed from one page, kept from one preview build to the next: a page's Markdown twin,
 * its search tokens, the hash of its twin. Each value is stored with what it was computed from: the
 * page record it belongs to (compared by identity: the loader hands back the same record while the
 * file is unchanged) and a value holding everything else it read (its links, the titles of the
 * pages it shows, the UI strings, the configuration; compared with {@code equals}). A value is
 * reused only when both are the same, so a stale value is never served; everything a fragment reads
 * must be in its inputs, which {@code RandomEditsTest} checks against clean builds.
 *
 * <p>Entries not asked for during a build are dropped after it ({@link #endBuild}), so the memory
 * held follows the site, not the number of edits. Thread-safe: emitters ask from both cores.
 */

public final class Fragments {

    private record Key(String kind, Object id) {
    }

    /**
     * A kept value. Taken back, it is marked with the build that asked (and given that build's equal
     * inputs, so that the next ask in the same build compares by identity) in place: a new entry for
     * each of the site's fragments in every rebuild would be garbage the old generation fills with.
     */
    private static final class Entry {
        final Object source;
        final Object value;
        volatile Object inputs;
        volatile long build;

        Entry(Object source, Object inputs, Object value, long build) {
            this.source = source;
            this.inputs = inputs;
            this.value = value;
            this.build = build;
        }
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private volatile long build;
    private final boolean keep;
    /** The build cache's fragments: read from disk, and those of this build, to be written (else null). */
    private final InputDigest digests;
    /** The build cache's fragments, by key, once read (they may still be read when the build starts). */
    private final Supplier<Map<String, FragmentFile.Stored>> previous;
    private final Map<String, FragmentFile.Stored> current = new ConcurrentHashMap<>();

    /** The published output folder and its files still as the last build left them (see {@link #published}). */
    private final Path publishedDir;
    /** Asked when a fragment first needs it: the output folder may still be listed while the content loads. */
    private final Supplier<Set<String>> untouched;
    /** Where made fragments go once they no longer fit its budget (else null: all are held). */
    private final FragmentSpill spill;
    private volatile ParkedBytes parking = ParkedBytes.none();
    /** Sources whose fragments' inputs are as the last build recorded them (see {@link #trustInputsOf}). */
    private volatile Predicate<Object> readsUnchanged = source -> false;
    /** Whether the site's structure is as the last build left it (see {@link #trustStructureWhen}). */
    private volatile BooleanSupplier structureUnchanged = () -> false;
    /** The files changed since the last build, when only in texts their own pages show (see {@link #trustPagesWhen}). */
    private volatile Supplier<Optional<Set<String>>> ownTextChanges = Optional::empty;

    private Fragments(boolean keep) {
        this(keep, null, Map::of, null, Set::of, null);
    }

    private Fragments(boolean keep, InputDigest digests, Supplier<Map<String, FragmentFile.Stored>> previous,
                      Path publishedDir, Supplier<Set<String>> untouched, FragmentSpill spill) {
        this.keep = keep;
        this.digests = digests;
        this.previous = previous;
        this.publishedDir = publishedDir;
        this.untouched = untouched;
        this.spill = spill;
    }

    /**
     * The build cache's fragments: values that have a byte form ({@link #get(String, Object, Object,
     * Object, Supplier, Function, Function)}) are taken from {@code previous} when their source and
     * inputs have the same {@link InputDigest} (a record read from a file: its path and bytes), and
     * kept for the next build ({@link #stored()}); the others are computed, as without a cache.
     *
     * @param publishedDir the published output folder, with {@code untouched} its files still as the
     *     last build left them ({@code BuildCache.untouchedOutputs}): a fragment that stands for a whole
     *     output file then need not keep the file's bytes ({@link #published}); null when not known
     * @param spill where the fragments made beyond its budget are written as they are made instead of
     *     held until the build cache is written ({@link BuildCache#fragmentWrites}); null holds them all
     */
    public static Fragments onDisk(InputDigest digests, Map<String, FragmentFile.Stored> previous, Path publishedDir,
                                   Set<String> untouched, FragmentSpill spill) {
        Set<String> trusted = Set.copyOf(untouched);
        return onDisk(digests, () -> previous, publishedDir, () -> trusted, spill);
    }

    /**
     * As {@link #onDisk(InputDigest, Map, Path, Set, FragmentSpill)}, with the build cache's fragments as
     * {@code previous} gives them and the untouched files as {@code untouched} gives them, each when first
     * asked for: they can be read and listed while the content loads.
     */
    public static Fragments onDisk(InputDigest digests, Supplier<Map<String, FragmentFile.Stored>> previous,
                                   Path publishedDir, Supplier<Set<String>> untouched, FragmentSpill spill) {
        return new Fragments(false, digests, previous, publishedDir, untouched, spill);
    }

    /**
     * The published file at {@code path} (relative to the output folder), when the last build wrote it
     * and it is still as that build left it: whoever took a fragment back from the build cache for that
     * file knows its bytes without keeping them. Empty otherwise (make the bytes again).
     */
    public Optional<Supplier<byte[]>> published(String path) {
        if (publishedDir == null || !untouched.get().contains(path)) {
            return Optional.empty();
        }
        Path file = publishedDir.resolve(path);
        return Optional.of(() -> {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        });
    }

    /**
     * As {@link #get(String, Object, Object, Object, Supplier)}, for a value with a byte form, which
     * the build cache keeps on disk: {@code encode} and {@code decode} turn the value into bytes and
     * back (the cache holds bytes, never objects, so reading it builds nothing of its own choosing).
     */
    public <V> V get(String kind, Object id, Object source, Object inputs, Supplier<V> compute,
                     Function<V, byte[]> encode, Function<byte[], V> decode) {
        if (digests == null) {
            return get(kind, id, source, inputs, compute);
        }
        // a fragment is kept only when it comes from a file the cache trusts (or from the site as a
        // whole): never from a file with a secret finding, whose text must not reach the disk
        byte[] sourceDigest = source instanceof Class<?> ? digests.digest(source) : digests.fileOf(source);
        if (sourceDigest == null) {
            return compute.get();
        }
        String key = kind + "\n" + id;
        FragmentFile.Stored stored = previous.get().get(key);
        // inputs this build knows are as the last build recorded them are not made (see #trustInputsOf)
        boolean inputsKept = stored != null && Arrays.equals(stored.source(), sourceDigest) && trusted(inputs, source);
        byte[] inputsDigest = inputsKept ? stored.inputs() : digests.digest(made(inputs));
        if (inputsDigest == null) {
            return compute.get(); // something not digestable: made again, never reused on a guess
        }
        if (stored != null && Arrays.equals(stored.source(), sourceDigest) && Arrays.equals(stored.inputs(), inputsDigest)) {
            try {
                V value = decode.apply(stored.value());
                current.put(key, stored);
                return value;
            } catch (RuntimeException damaged) {
                // a value that does not decode is made again
            }
        }
        V value = compute.get();
        FragmentFile.Stored made = new FragmentFile.Stored(key, sourceDigest, inputsDigest, encode.apply(value));
        current.put(key, spill == null ? made : spill.keep(made));
        return value;
    }

    /**
     * As {@link #get(String, Object, Object, Object, Supplier, Function, Function)} for a value that is
     * its own bytes, handed out as what gives them: taken back from the build cache, the bytes are read
     * from the cache file they were left in each time they are asked for (an edited build takes every
     * page's twin back and reads each once, into llms-full.txt, or not at all); made, they are kept
     * as {@link #parking()} keeps them.
     */
    public Supplier<byte[]> bytes(String kind, Object id, Object source, Object inputs, Supplier<byte[]> compute) {
        if (digests != null) {
            String key = kind + "\n" + id;
            FragmentFile.Stored stored = previous.get().get(key);
            if (stored != null && stored.leftInFile()) { // the others are small: taken as any value
                byte[] sourceDigest = source instanceof Class<?> ? digests.digest(source) : digests.fileOf(source);
                if (sourceDigest != null && Arrays.equals(stored.source(), sourceDigest)
                        && (trusted(inputs, source) || Arrays.equals(stored.inputs(), digests.digest(made(inputs))))) {
                    current.put(key, stored);
                    return stored.left(); // read, or copied into a file, from the cache file at each call
                }
            }
        }
        return parking.keep(get(kind, id, source, inputs, compute, bytes -> bytes, bytes -> bytes));
    }

    /** Whether this build took the build cache's {@code kind} fragment of {@code id} back as the last build left it. */
    public boolean reused(String kind, Object id) {
        String key = kind + "\n" + id;
        FragmentFile.Stored stored = current.get(key);
        return stored != null && stored == previous.get().get(key);
    }

    /**
     * The fragments this build used or made, sorted by key, for the build cache (empty unless
     * {@link #onDisk}); one without its value is in the spill ({@link #spilled}).
     */
    public List<FragmentFile.Stored> stored() {
        return new TreeMap<>(current).values().stream().toList();
    }

    /** As {@link #stored()}, in no particular order: the build cache sorts only the segments it writes again. */
    Collection<FragmentFile.Stored> storedInAnyOrder() {
        return List.copyOf(current.values());
    }

    /** The fragments of build cache segment {@code segment} that this build put in its spill, by key. */
    Map<String, FragmentFile.Stored> spilled(int segment) {
        return spill == null ? Map.of() : spill.read(segment);
    }

    /**
     * Where this build's emitters keep large values they take more than once (the Markdown twins,
     * llms.json's entries) once a budget is spent: {@link ParkedBytes#none()} (everything on the heap)
     * until {@link #parkLargeValuesIn} names one.
     */
    public ParkedBytes parking() {
        return parking;
    }

    /** Keeps this build's large values in {@code store} beyond its budget; the store must outlive the emit stage. */
    public void parkLargeValuesIn(ParkedBytes store) {
        parking = store;
    }

    /**
     * {@code inputs} as this build compares them: themselves where fragments are kept in memory (the
     * preview compares by equality) or not kept at all; their digest where the build cache keeps them
     * (only the digest is read there, so inputs held for a whole stage, such as every page's twin inputs,
     * need not be: at 50,000 pages with 20 related items each they took about 60 MB); themselves when
     * they cannot be digested.
     */
    public Object compared(Object inputs) {
        byte[] digest = digests == null ? null : digests.digest(inputs);
        return digest == null ? inputs : new InputDigest.Digested(digest);
    }

    /** Whether this build made or took back fragments the build cache keeps. */
    public boolean storesOnDisk() {
        return digests != null;
    }

    /** Fragments kept between builds (the preview's). */
    public static Fragments kept() {
        return new Fragments(true);
    }

    /** Fragments of one build only: every value is computed, nothing outlives the build. */
    public static Fragments none() {
        return new Fragments(false);
    }

    /**
     * The {@code kind} fragment of {@code id}: the stored value when it was computed from the same
     * {@code source} record and equal {@code inputs}, otherwise {@code compute}'s value, stored.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(String kind, Object id, Object source, Object given, Supplier<V> compute) {
        if (!keep) {
            return compute.get();
        }
        Object inputs = made(given);
        Key key = new Key(kind, id);
        Entry entry = entries.get(key);
        if (entry != null && entry.source == source && Objects.equals(entry.inputs, inputs)) {
            entry.inputs = inputs;
            entry.build = build;
            return (V) entry.value;
        }
        V value = compute.get();
        entries.put(key, new Entry(source, inputs, value, build));
        return value;
    }

    /**
     * The value last stored as {@code kind} of {@code id}, whatever it was made from: only for a
     * computation that updates it into the value for new inputs and checks itself what changed
     * (never served as it is). Empty when nothing is kept.
     */
    @SuppressWarnings("unchecked")
    public <V> Optional<V> last(String kind, Object id) {
        Entry entry = keep ? entries.get(new Key(kind, id)) : null;
        return entry == null ? Optional.empty() : Optional.of((V) entry.value);
    }

    /**
     * As {@link #last(String, Object)}, also in the build cache, whose stored bytes {@code decode}
     * reads (empty when nothing was stored or the bytes do not decode).
     */
    public <V> Optional<V> last(String kind, Object id, Function<byte[], V> decode) {
        if (digests == null) {
            return last(kind, id);
        }
        return decoded(previous.get().get(kind + "\n" + id), decode);
    }

    /** {@code stored}'s value as {@code decode} reads it; empty when there is none or it does not decode. */
    private static <V> Optional<V> decoded(FragmentFile.Stored stored, Function<byte[], V> decode) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode.apply(stored.value()));
        } catch (RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /** Inputs made only when they are compared: see {@link #lazy}. */
    private record LazyInputs(Supplier<Object> inputs) {
    }

    /**
     * Inputs made only if they are compared: a build that knows a fragment's inputs are as the last build
     * recorded them ({@link #trustInputsOf}) takes the fragment back without making them. Only inputs given
     * so are ever trusted: each caller says that its inputs are among what its source's page reads.
     */
    public static Object lazy(Supplier<Object> inputs) {
        return new LazyInputs(inputs);
    }

    private static Object made(Object inputs) {
        return inputs instanceof LazyInputs lazy ? lazy.inputs().get() : inputs;
    }

    /** Whether {@code inputs}, given by {@link #lazy}, are trusted as recorded for {@code source} ({@link #trustInputsOf}). */
    private boolean trusted(Object inputs, Object source) {
        return inputs instanceof LazyInputs && readsUnchanged.test(source);
    }

    /**
     * Trusts, for the fragments of a source record {@code sources} accepts, the inputs digest the last
     * build recorded, when the record is the same file as then: {@code sources} must accept only records
     * none of whose fragments' inputs can have changed since (a page whose own page took back its inputs,
     * see {@code render.RenderCache#keptInputs}, whose reads include its twin's and llms.json entry's).
     * Asked for each fragment from the emit stage on.
     */
    public void trustInputsOf(Predicate<Object> sources) {
        readsUnchanged = sources;
    }

    /**
     * Trusts that the site's structure is as the last build left it when {@code unchanged} says so
     * (asked from the emit stage on): every page, its key, languages, dates, topic and links, site.yml
     * and the day of the build; only texts a page shows of itself may have changed (see {@code
     * render.RenderCache#structureKept}). The files made from that alone are then kept as published
     * ({@link #keptFiles}).
     */
    public void trustStructureWhen(BooleanSupplier unchanged) {
        structureUnchanged = unchanged;
    }

    /**
     * Says which content files changed since the last build, when every change was to texts the
     * file's own page shows and no file came or went ({@code content.PageStructure#same}), the
     * pages' records otherwise as that build had them; empty otherwise, or when not known. Asked from
     * the checks on, by source path as pages give it ({@code Page#sourcePath}).
     */
    public void trustPagesWhen(Supplier<Optional<Set<String>>> changedInOwnTextsOnly) {
        ownTextChanges = changedInOwnTextsOnly;
    }

    /** The files changed since the last build, when only in texts their own pages show (see {@link #trustPagesWhen}). */
    public Optional<Set<String>> changedInOwnTextsOnly() {
        return digests == null ? Optional.empty() : ownTextChanges.get();
    }

    /**
     * The value the last build stored as {@code kind} of {@code id} ({@link #put}) from equal
     * {@code inputs}, for a value made from the site as a whole ({@code source}) that this build
     * brings up to date and puts again. Empty when none was, or it does not decode; always in memory.
     */
    public <V> Optional<V> stored(String kind, Object id, Class<?> source, Object inputs, Function<byte[], V> decode) {
        if (digests == null) {
            return Optional.empty();
        }
        return decoded(storedFrom(kind + "\n" + id, source, inputs), decode);
    }

    /** The last build's fragment at {@code key} when made from {@code source} and equal {@code inputs}, else null. */
    private FragmentFile.Stored storedFrom(String key, Class<?> source, Object inputs) {
        FragmentFile.Stored stored = previous.get().get(key);
        byte[] inputsDigest = digests.digest(inputs);
        return stored == null || inputsDigest == null || !Arrays.equals(stored.source(), digests.digest(source))
                || !Arrays.equals(stored.inputs(), inputsDigest) ? null : stored;
    }

    /**
     * Keeps {@code value} as {@code kind} of {@code id}, made from the site as a whole ({@code source})
     * and {@code inputs}, for {@link #stored} in the next build (the build cache's only). The caller
     * makes sure it holds no text of a file the cache does not keep ({@link #keepsTextOf}).
     */
    public void put(String kind, Object id, Class<?> source, Object inputs, byte[] value) {
        byte[] inputsDigest = digests == null ? null : digests.digest(inputs);
        if (inputsDigest != null) {
            put(kind + "\n" + id, digests.digest(source), inputsDigest, value);
        }
    }

    /** Puts a value made again; the one stored when equal, so that its segment need not be written again. */
    private void put(String key, byte[] source, byte[] inputs, byte[] value) {
        FragmentFile.Stored stored = previous.get().get(key);
        boolean same = stored != null && Arrays.equals(stored.source(), source) && Arrays.equals(stored.inputs(), inputs)
                && Arrays.equals(stored.value(), value);
        current.put(key, same ? stored : new FragmentFile.Stored(key, source, inputs, value));
    }

    /**
     * Keeps the last build's fragments of {@code kind} that this build did not ask for, for the next
     * build: for a pass that took its findings back and asked again only for the changed pages'.
     */
    public void keepStored(String kind) {
        if (digests == null) {
            return;
        }
        String prefix = kind + "\n";
        previous.get().forEach((key, stored) -> {
            if (key.startsWith(prefix)) {
                current.putIfAbsent(key, stored);
            }
        });
    }

    /**
     * Keeps the last build's {@code kind} fragment of {@code id}, if this build did not ask for it, for
     * the next build: as {@link #keepStored(String)} for one fragment, without walking the others.
     */
    public void keepStored(String kind, Object id) {
        if (digests == null) {
            return;
        }
        String key = kind + "\n" + id;
        FragmentFile.Stored stored = previous.get().get(key);
        if (stored != null) {
            current.putIfAbsent(key, stored);
        }
    }

    /**
     * Whether the build cache keeps what was read from {@code record}'s file: never a file with a secret
     * finding, whose text must not reach the disk (false as well when nothing is kept on disk).
     */
    public boolean keepsTextOf(Object record) {
        return digests != null && digests.fileOf(record) != null;
    }

    /** A file of the published output folder, with the hash its maker recorded and how to read it. */
    public record PublishedFile(String path, byte[] hash, Supplier<byte[]> bytes) {
    }

    /**
     * The files {@code maker} wrote in the last build ({@link #madeFiles}), when it makes them from the
     * site's structure and {@code inputs} alone, this build trusts that structure to be as it was
     * ({@link #trustStructureWhen}), {@code inputs} are equal to that build's and each file is still as
     * that build published it: the maker keeps them ({@code SiteOutput.keepPublished}) instead of making
     * them. Empty otherwise.
     */
    public Optional<List<PublishedFile>> keptFiles(String maker, Object inputs) {
        if (digests == null || !structureUnchanged.getAsBoolean()) {
            return Optional.empty();
        }
        String key = FILES + "\n" + maker;
        FragmentFile.Stored stored = storedFrom(key, Fragments.class, inputs);
        if (stored == null) {
            return Optional.empty();
        }
        List<PublishedFile> files = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored.value()))) {
            for (int count = in.readInt(); count > 0; count--) {
                String path = in.readUTF();
                byte[] hash = in.readNBytes(in.readUnsignedByte());
                Optional<Supplier<byte[]>> published = published(path);
                if (published.isEmpty()) {
                    return Optional.empty();
                }
                files.add(new PublishedFile(path, hash, published.get()));
            }
        } catch (IOException damaged) {
            return Optional.empty();
        }
        current.put(key, stored);
        return Optional.of(files);
    }

    /**
     * Records the files {@code maker} wrote from the site's structure and {@code inputs} alone, by path
     * with their parts, for {@link #keptFiles} in the next build (kept by the build cache only).
     */
    public void madeFiles(String maker, Object inputs, Map<String, List<byte[]>> files) {
        byte[] inputsDigest = digests == null ? null : digests.digest(inputs);
        if (inputsDigest == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(files.size());
            for (Map.Entry<String, List<byte[]>> file : files.entrySet()) {
                byte[] hash = Murmur3.of(SiteOutput.join(file.getValue()));
                out.writeUTF(file.getKey());
                out.writeByte(hash.length);
                out.write(hash);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: never
        }
        put(FILES + "\n" + maker, digests.digest(Fragments.class), inputsDigest, bytes.toByteArray());
    }

    /**
     * The files {@code maker} makes from the site's structure and {@code inputs} alone: kept as
     * published when {@link #keptFiles} allows, else made by {@code make} (by path, in the order
     * written), written and recorded ({@link #madeFiles}). Returns how many files there are.
     */
    public int keepOrMake(SiteOutput output, String maker, Object inputs, Supplier<Map<String, List<byte[]>>> make) {
        Optional<List<PublishedFile>> kept = keptFiles(maker, inputs);
        if (kept.isPresent()) {
            kept.get().forEach(file -> output.keepPublished(file.path(), file.hash(), file.bytes()));
            return kept.get().size();
        }
        Map<String, List<byte[]>> made = make.get();
        made.forEach(output::write);
        madeFiles(maker, inputs, made);
        return made.size();
    }

    /** The kind of the fragments that list a maker's files ({@link #madeFiles}). */
    private static final String FILES = "files";

    /** Starts a build: entries asked for from now on are kept after {@link #endBuild}. */
    public void startBuild() {
        build++;
    }

    /**
     * Keeps the {@code kind} fragment of {@code id} past this build as if it had been asked for: a
     * value that went into another, reused one, for the build that makes that one again.
     */
    public void retain(String kind, Object id) {
        if (!keep) {
            return;
        }
        Entry entry = entries.get(new Key(kind, id));
        if (entry != null) {
            entry.build = build;
        }
    }

    /**
     * {@code value}, or the equal value handed out under {@code name} before, wrapped to compare by
     * identity: what many fragments read (site.yml, the UI strings) is then compared with one
     * reference comparison per fragment instead of with {@code equals}. A fresh wrapper of
     * {@code value} when nothing outlives the build.
     */
    public Same same(String name, Object value) {
        return new Same(get("same", name, Fragments.class, value, () -> value));
    }

    /** Ends a build: drops every entry it did not ask for. */
    public void endBuild() {
        long current = build;
        entries.values().removeIf(entry -> entry.build != current);
    }

    /** Whether values outlive the build (otherwise asking for one always computes it). */
    public boolean keeps() {
        return keep;
    }

    /** How many values are held (for tests of memory use). */
    public int size() {
        return entries.size();
    }
}
