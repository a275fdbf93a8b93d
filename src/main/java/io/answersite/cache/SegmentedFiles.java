package io.answersite.cache;

import io.answersite.content.LoadCache;
import io.answersite.text.Murmur3;
import io.answersite.text.SpanSource;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The two large files of the build cache, each kept in segments by the hash of its entries' keys: the
 * load cache and the fragments. Segments are read in parallel (both cores decode), and after a build
 * only the segments whose entries changed are written again, so an edit rewrites a few megabytes
 * instead of every byte the cache holds. Remembers, per segment, what it read, to know that.
 */
final class SegmentedFiles {

    private final BuildCache cache;
    /** The fragments of each segment as they were read, sorted by key, by segment number. */
    private final Map<Integer, List<FragmentFile.Stored>> fragmentSegments = new ConcurrentHashMap<>();
    /** The digest of each load segment as it was read ({@link LoadFile#digest}), by segment number. */
    private final Map<Integer, byte[]> loadedSegments = new ConcurrentHashMap<>();

    SegmentedFiles(BuildCache cache) {
        this.cache = cache;
    }

    /**
     * What loading each content file gave in the last build that read any, valid under {@code key}
     * (the plugin, site.yml and the site's folder): read from the {@link BuildCache#LOAD_SEGMENTS} segment files
     * in parallel; a segment that is missing, unreadable or kept under another key adds nothing (its
     * files are read again).
     */
    LoadCache loads(String key) {
        List<LoadCache.Stored> entries = IntStream.range(0, BuildCache.LOAD_SEGMENTS).parallel()
                .mapToObj(segment -> cache.open(BuildCache.loadSegment(segment)).map(in -> {
                    // bodies stay in the file: an edited build reads a few of them back, the others are
                    // written to the next cache as they were read, or not at all
                    SpanSource bodies = cache.leftIn(BuildCache.loadSegment(segment)).orElse(null);
                    try (in) {
                        Optional<List<LoadCache.Stored>> read = LoadFile.readEntries(in, key, bodies);
                        read.ifPresent(stored -> loadedSegments.put(segment, LoadFile.digest(stored, key)));
                        return read.orElse(List.of());
                    } catch (IOException e) {
                        return List.<LoadCache.Stored>of();
                    }
                }).orElse(List.of()))
                .flatMap(List::stream).toList();
        return LoadCache.byContent(entries);
    }

    /**
     * A digest of the load segments as read by {@link #loads} or, once its writes ran, as written: equal
     * for two moments when the load cache on disk held the same entries.
     */
    byte[] loadState() {
        MessageDigest digest = Murmur3.records();
        for (int i = 0; i < BuildCache.LOAD_SEGMENTS; i++) {
            byte[] segment = loadedSegments.get(i);
            digest.update((byte) (segment == null ? 0 : 1));
            if (segment != null) {
                digest.update(segment);
            }
        }
        return digest.digest();
    }

    /**
     * The writes that keep {@code loads} for the next build, under {@code key} (see {@link LoadFile}), in
     * segments by the hash of each file's path: one task per segment whose files or contents changed
     * since it was read, so an edit rewrites about a sixty-fourth of what was loaded. The tasks write
     * separate files and may run on any threads, together with other such tasks.
     */
    List<Runnable> loadWrites(LoadCache loads, String key) {
        cache.delete(BuildCache.LOAD_FILE); // the one file of earlier versions
        List<List<LoadCache.Stored>> segments = new ArrayList<>();
        for (int i = 0; i < BuildCache.LOAD_SEGMENTS; i++) {
            segments.add(new ArrayList<>());
        }
        for (LoadCache.Stored entry : loads.stored()) {
            if (entry.contentHash() != null) {
                segments.get(Math.floorMod(entry.path().hashCode(), BuildCache.LOAD_SEGMENTS)).add(entry);
            }
        }
        List<Runnable> writes = new ArrayList<>();
        for (int segment = 0; segment < BuildCache.LOAD_SEGMENTS; segment++) {
            int i = segment;
            writes.add(() -> {
                List<LoadCache.Stored> entries = segments.get(i);
                byte[] digest = LoadFile.digest(entries, key);
                if (!Arrays.equals(digest, loadedSegments.get(i))) {
                    cache.replace(BuildCache.loadSegment(i), out -> LoadFile.write(out, entries, key));
                    loadedSegments.put(i, digest);
                }
            });
        }
        return writes;
    }

    /**
     * The fragments the last build kept ({@link FragmentFile}) under {@code key}, by fragment key:
     * read from the {@link BuildCache#FRAGMENT_SEGMENTS} segment files in parallel; a segment that is missing,
     * unreadable or kept under another key adds nothing (its fragments are made again).
     */
    Map<String, FragmentFile.Stored> fragments(String key) {
        List<Map<String, FragmentFile.Stored>> read = IntStream.range(0, BuildCache.FRAGMENT_SEGMENTS).parallel()
                .mapToObj(segment -> cache.open(BuildCache.fragmentSegment(segment)).map(in -> {
                    // twins and llms.json entries stay in the file: an edited build reads them once, as
                    // llms-full.txt and llms.json are written, or not at all
                    SpanSource values = cache.leftIn(BuildCache.fragmentSegment(segment)).orElse(null);
                    try (in) {
                        Map<String, FragmentFile.Stored> entries = FragmentFile.read(in, key, values);
                        fragmentSegments.put(segment, new TreeMap<>(entries).values().stream().toList());
                        return entries;
                    } catch (IOException e) {
                        return Map.<String, FragmentFile.Stored>of();
                    }
                }).orElse(Map.of())).toList();
        Map<String, FragmentFile.Stored> all = new HashMap<>();
        read.forEach(all::putAll);
        return all;
    }

    /**
     * The writes that keep {@code stored} (in any order) for the next build under {@code key}, in
     * segments by the hash of each fragment's key: one task per segment, which writes nothing when the
     * segment holds exactly the fragments read from it (the same objects: taken back unchanged), and
     * otherwise sorts the segment's fragments by key and writes them (sorting all of a 10,000-page
     * site's fragments at once, most of them in segments left as they were, took about 0.1 s of CPU in
     * an edited build of the default corpus shape). An entry without its value was put in the build's spill: {@code spilled} gives
     * a segment's such entries back, one segment at a time. The tasks may run on any threads, as
     * {@link #loadWrites}'.
     */
    List<Runnable> fragmentWrites(Collection<FragmentFile.Stored> stored,
                                  IntFunction<Map<String, FragmentFile.Stored>> spilled, String key) {
        cache.delete(BuildCache.FRAGMENT_FILE); // the one file of earlier versions
        List<List<FragmentFile.Stored>> segments = new ArrayList<>();
        for (int i = 0; i < BuildCache.FRAGMENT_SEGMENTS; i++) {
            segments.add(new ArrayList<>());
        }
        stored.forEach(entry -> segments.get(BuildCache.fragmentSegmentOf(entry.key())).add(entry));
        List<Runnable> writes = new ArrayList<>();
        for (int segment = 0; segment < BuildCache.FRAGMENT_SEGMENTS; segment++) {
            int i = segment;
            writes.add(() -> {
                List<FragmentFile.Stored> entries = segments.get(i);
                if (!sameObjectsByKey(entries, fragmentSegments.get(i))) {
                    entries.sort(Comparator.comparing(FragmentFile.Stored::key));
                    List<FragmentFile.Stored> whole = withValues(entries, () -> spilled.apply(i));
                    cache.replace(BuildCache.fragmentSegment(i), out -> FragmentFile.write(out, whole, key));
                    fragmentSegments.put(i, entries); // the build's own objects: a spilled value is not held again
                }
            });
        }
        return writes;
    }

    /** {@code segment} with each spilled entry's value read back (the entry written with the same digests). */
    private static List<FragmentFile.Stored> withValues(List<FragmentFile.Stored> segment,
                                                        Supplier<Map<String, FragmentFile.Stored>> spilled) {
        Map<String, FragmentFile.Stored> read = null;
        List<FragmentFile.Stored> whole = new ArrayList<>(segment.size());
        for (FragmentFile.Stored entry : segment) {
            if (entry.spilled()) {
                read = read == null ? spilled.get() : read;
                FragmentFile.Stored written = read.get(entry.key());
                if (written == null || !Arrays.equals(written.source(), entry.source())
                        || !Arrays.equals(written.inputs(), entry.inputs())) {
                    continue; // made twice at once, the spill holding the other one: made again next build
                }
                entry = written;
            }
            whole.add(entry);
        }
        return whole;
    }

    /** Whether {@code now}, in any order, holds exactly the objects {@code read} (sorted by key, keys unique) holds. */
    private static boolean sameObjectsByKey(List<FragmentFile.Stored> now, List<FragmentFile.Stored> read) {
        if (read == null || now.size() != read.size()) {
            return false;
        }
        Map<String, FragmentFile.Stored> byKey = new HashMap<>(read.size() * 4 / 3 + 1);
        read.forEach(entry -> byKey.put(entry.key(), entry));
        for (FragmentFile.Stored entry : now) {
            if (byKey.get(entry.key()) != entry) {
                return false;
            }
        }
        return true;
    }
}
