package io.answersite.check;

import io.answersite.check.BuiltSiteCheck.Memory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The build cache's files of a {@link Memory} of published pages: {@link #RUN_FILE} holds the
 * digest of the last check, and the pages' facts are kept in {@link #SEGMENTS} files by the hash of
 * each page's path, so that an edit writes again the segment of each page whose facts changed, not
 * the facts of every page (writing them all took 0.17 s at the end of an edited 10,000-page build).
 * Each segment is a table of its distinct strings (ids, links, problems: the same navigation links
 * are on every page), then per page, sorted by path, its path, hash and the indexes of its strings.
 * A file in another layout, under another key or damaged adds nothing: its pages are read and
 * scanned again.
 */
public final class PageFactsFiles {

    /** The file of the last check's digest, written last. */
    public static final String RUN_FILE = "facts.bin";
    static final int SEGMENTS = 16;
    private static final String FORMAT = "page-facts-3";

    /** How the build cache writes one file whole ({@code body} writes its bytes); called from several threads at once. */
    @FunctionalInterface
    public interface Replace {
        void replace(String name, Body body);
    }

    /** What goes in one file. */
    @FunctionalInterface
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private PageFactsFiles() {
    }

    /** Every file name this class writes (the run file first). */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(RUN_FILE));
        IntStream.range(0, SEGMENTS).mapToObj(PageFactsFiles::segmentName).forEach(names::add);
        return names;
    }

    static String segmentName(int segment) {
        return String.format("facts-%02d.bin", segment);
    }

    static int segmentOf(String path) {
        return Math.floorMod(path.hashCode(), SEGMENTS);
    }

    /** Reads what {@link #write} wrote under {@code key}; {@code open} opens one file by name, if it exists. */
    public static Memory read(Function<String, Optional<DataInputStream>> open, String key) {
        byte[] run = open.apply(RUN_FILE).map(in -> {
            try (in) {
                return readRun(in, key);
            } catch (IOException | RuntimeException damaged) {
                return null;
            }
        }).orElse(null);
        if (run == null) {
            return Memory.published();
        }
        Map<String, Memory.Entry> read = new ConcurrentHashMap<>();
        SegmentAsRead[] segments = new SegmentAsRead[SEGMENTS];
        IntStream.range(0, SEGMENTS).parallel().forEach(segment -> open.apply(segmentName(segment)).ifPresent(in -> {
            try (in) {
                SegmentAsRead asRead = readSegment(in, key);
                if (asRead.pages().keySet().stream().allMatch(path -> segmentOf(path) == segment)) {
                    segments[segment] = asRead;
                    read.putAll(asRead.pages());
                }
            } catch (IOException | RuntimeException damaged) {
                // its pages are scanned again
            }
        }));
        return Memory.restored(read, run.length == 32 ? run : null, segments);
    }

    /**
     * A segment as read: its bytes, where its table of strings lies in them, how large the table was
     * when last written whole, its pages and where each page's record lies, by path. A segment written again
     * keeps the table and the records of its unchanged pages as they are, adding what the changed
     * pages need: an answer edit writes again the pages that show the answer, a few in each segment.
     */
    record SegmentAsRead(byte[] bytes, String[] table, int tableStart, int tableEnd, int baseTableSize,
                         Map<String, Memory.Entry> pages, Map<String, int[]> records) {

        /** Whether this segment held {@code path} with the hash {@code entry} has. */
        boolean holds(String path, Memory.Entry entry) {
            Memory.Entry read = pages.get(path);
            return read != null && Arrays.equals(read.sha256(), entry.sha256());
        }
    }

    private static byte[] readRun(DataInputStream in, String key) throws IOException {
        if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
            return null;
        }
        int length = in.readInt();
        if (length != 0 && length != 32) {
            return null;
        }
        byte[] run = new byte[length];
        in.readFully(run);
        return run;
    }

    private static SegmentAsRead readSegment(DataInputStream in, String key) throws IOException {
        if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
            throw new IOException("another layout or key");
        }
        byte[] bytes = rest(in); // about a hundred indexes a page: read here, not a call each
        ByteBuffer ints = ByteBuffer.wrap(bytes);
        int baseTableSize = ints.getInt();
        String[] table = new String[ints.getInt()];
        int tableStart = ints.position();
        for (int i = 0; i < table.length; i++) {
            int length = ints.getInt();
            table[i] = new String(bytes, ints.position(), length, StandardCharsets.UTF_8);
            ints.position(ints.position() + length);
        }
        int tableEnd = ints.position();
        Map<String, int[]> records = new HashMap<>();
        Map<String, Memory.Entry> pages = new HashMap<>();
        for (int count = ints.getInt(); count > 0; count--) {
            int start = ints.position();
            String path = table[ints.getInt()];
            byte[] sha256 = new byte[32];
            ints.get(sha256);
            PageFacts facts = new PageFacts(SortedIds.ofArray(strings(ints, table)), readIndexes(ints, table),
                    readIndexes(ints, table));
            pages.put(path, new Memory.Entry(null, sha256, facts));
            records.put(path, new int[] {start, ints.position()});
        }
        if (ints.hasRemaining()) {
            throw new IOException("bytes after the last page");
        }
        return new SegmentAsRead(bytes, table, tableStart, tableEnd, baseTableSize, pages, records);
    }

    /** The strings at the next count of indexes; a damaged count or index fails (the segment is then not used). */
    private static List<String> readIndexes(ByteBuffer ints, String[] table) {
        return Collections.unmodifiableList(Arrays.asList(strings(ints, table))); // not copied again, as List.of would
    }

    /** As {@link #readIndexes}, in an array of their own. */
    private static String[] strings(ByteBuffer ints, String[] table) {
        int count = ints.getInt();
        if (count < 0 || count > ints.remaining() / 4) {
            throw new IllegalStateException("damaged page facts");
        }
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = Objects.requireNonNull(table[ints.getInt()]);
        }
        return texts;
    }

    /**
     * The rest of {@code in} in one array of its size when the stream tells how much is left (a cache
     * file's does): {@code readAllBytes} reads in pieces and joins them, about twice the 8 MB of an
     * edited 10,000-page build's facts.
     */
    private static byte[] rest(DataInputStream in) throws IOException {
        byte[] known = in.readNBytes(Math.max(0, in.available()));
        int next = in.read();
        if (next < 0) {
            return known;
        }
        byte[] more = in.readAllBytes();
        byte[] all = Arrays.copyOf(known, known.length + 1 + more.length);
        all[known.length] = (byte) next;
        System.arraycopy(more, 0, all, known.length + 1, more.length);
        return all;
    }

    /**
     * Writes the facts of every page of {@code memory} whose published SHA-256 is known (its own, or
     * {@code hashOf}'s for a page written in this build) under {@code key}: the segments that differ
     * from what was read, then the run file.
     */
    public static void write(Memory memory, Replace replace, String key, Function<String, Optional<byte[]>> hashOf) {
        List<Map<String, Memory.Entry>> segments = new ArrayList<>();
        for (int i = 0; i < SEGMENTS; i++) {
            segments.add(new TreeMap<>());
        }
        memory.forEachEntry((path, entry) -> {
            byte[] hash = entry.sha256() != null ? entry.sha256() : hashOf.apply(path).orElse(null);
            if (hash != null) {
                segments.get(segmentOf(path)).put(path, new Memory.Entry(null, hash, entry.facts()));
            }
        });
        IntStream.range(0, SEGMENTS).parallel().forEach(segment -> {
            Map<String, Memory.Entry> pages = segments.get(segment);
            SegmentAsRead asRead = memory.segmentRead(segment);
            List<String> changed = pages.keySet().stream()
                    .filter(path -> asRead == null || !asRead.holds(path, pages.get(path))).toList();
            // the same pages with the same hashes: a page's facts are what its bytes say, so nothing to write
            if (asRead == null || !changed.isEmpty() || asRead.pages().size() != pages.size()) {
                replace.replace(segmentName(segment), out -> writeSegment(out, key, pages, asRead, changed));
            }
        });
        byte[] run = memory.thisRun();
        replace.replace(RUN_FILE, out -> {
            out.writeUTF(FORMAT);
            out.writeUTF(key);
            out.writeInt(run == null ? 0 : run.length);
            out.write(run == null ? new byte[0] : run);
        });
    }

    /** Writes {@code pages}, keeping what {@code asRead} (null: nothing) holds for the pages not {@code changed}. */
    private static void writeSegment(DataOutputStream out, String key, Map<String, Memory.Entry> pages,
                                     SegmentAsRead asRead, List<String> changed) throws IOException {
        // written whole when most pages changed, or when strings no page needs any more may be piling up
        boolean whole = asRead == null || changed.size() * 2 > pages.size()
                || asRead.table().length > 2 * asRead.baseTableSize() + 1024;
        // the strings' indexes: the table as read (each string at its first place), then those added
        Map<String, Integer> table = new HashMap<>();
        int kept = whole ? 0 : asRead.table().length;
        for (int i = kept - 1; i >= 0; i--) {
            table.put(asRead.table()[i], i);
        }
        List<String> added = new ArrayList<>();
        Map<String, Collection<String>> sortedIds = new HashMap<>();
        for (String path : whole ? pages.keySet() : changed) {
            PageFacts facts = pages.get(path).facts();
            Collection<String> ids = facts.ids(); // in sorted order (SortedIds)
            sortedIds.put(path, ids);
            addTo(table, added, kept, path);
            ids.forEach(id -> addTo(table, added, kept, id));
            facts.links().forEach(link -> addTo(table, added, kept, link));
            facts.problems().forEach(problem -> addTo(table, added, kept, problem));
        }
        out.writeUTF(FORMAT);
        out.writeUTF(key);
        out.writeInt(whole ? added.size() : asRead.baseTableSize());
        out.writeInt(kept + added.size());
        if (!whole) {
            out.write(asRead.bytes(), asRead.tableStart(), asRead.tableEnd() - asRead.tableStart());
        }
        for (String text : added) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
        ByteBuffer ints = ByteBuffer.allocate(1 << 16); // big-endian, as DataInputStream reads
        ints.putInt(pages.size());
        for (Map.Entry<String, Memory.Entry> page : pages.entrySet()) {
            int[] record = whole ? null : asRead.records().get(page.getKey());
            if (record != null && !sortedIds.containsKey(page.getKey())) { // unchanged: its record as read
                out.write(ints.array(), 0, ints.position());
                ints.clear();
                out.write(asRead.bytes(), record[0], record[1] - record[0]);
                continue;
            }
            PageFacts facts = page.getValue().facts();
            room(out, ints, 4 + 32);
            ints.putInt(table.get(page.getKey()));
            ints.put(page.getValue().sha256());
            putIndexes(out, ints, sortedIds.get(page.getKey()), table);
            putIndexes(out, ints, facts.links(), table);
            putIndexes(out, ints, facts.problems(), table);
        }
        out.write(ints.array(), 0, ints.position());
    }

    private static void addTo(Map<String, Integer> table, List<String> added, int kept, String text) {
        if (!table.containsKey(text)) {
            table.put(text, kept + added.size());
            added.add(text);
        }
    }

    private static void putIndexes(DataOutputStream out, ByteBuffer ints, Collection<String> texts,
                                   Map<String, Integer> table) throws IOException {
        room(out, ints, 4);
        ints.putInt(texts.size());
        for (String text : texts) {
            room(out, ints, 4);
            ints.putInt(table.get(text));
        }
    }

    /** Writes {@code buffer} out first when fewer than {@code bytes} are left in it. */
    private static void room(DataOutputStream out, ByteBuffer buffer, int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
