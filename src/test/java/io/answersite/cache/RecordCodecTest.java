package io.answersite.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.content.Common;
import io.answersite.content.Kind;
import io.answersite.content.LoadCache;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.content.Snippet;
import io.answersite.diagnostic.SourcePos;
import io.answersite.render.RenderCache;
import io.answersite.site.Answersite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's binary form of value records: round trips, what it refuses to write, and what it refuses to read. */
class RecordCodecTest {

    private static final RecordCodec LOADS = RecordCodec.of(LoadCache.Stored.class, Page.class, Snippet.class);

    private static final String KEPT = "only strings, numbers, booleans, dates, byte arrays, lists, maps, optionals,"
            + " and records and enums of io.answersite reachable from ";

    record Box(Object value) {
    }

    record OtherBox(Object content) {
    }

    record WithFile(String name, File file) {
    }

    record Scalars(int i, long l, boolean b, double d, Integer boxed, Long nothing, LocalDate date, Kind kind,
                   Optional<String> present, Optional<String> absent, List<String> withNull, String text) {
    }

    record Bytes(byte[] bytes) {
    }

    record Maps(Map<String, Integer> linked, Map<String, Integer> tree, SortedMap<String, Integer> sorted) {
    }

    record Tree(String name, List<Tree> children) {
    }

    @TempDir
    Path root;

    private static byte[] write(RecordCodec codec, Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ValueOutput out = codec.output(bytes);
        out.writeValue(value);
        out.flush();
        return bytes.toByteArray();
    }

    private static Object read(RecordCodec codec, byte[] bytes) throws IOException {
        return codec.input(new ByteArrayInputStream(bytes)).readValue(Object.class);
    }

    private static Object roundTrip(RecordCodec codec, Object value) throws IOException {
        return read(codec, write(codec, value));
    }

    /** What loading each file of a fixture site gives, by way of the load cache. */
    private static List<LoadCache.Stored> loaded(Path site) {
        LoadCache cache = LoadCache.byContent();
        new Answersite().preview(TestSites.request(site), cache, new RenderCache());
        return cache.stored();
    }

    private List<LoadCache.Stored> fixtures() {
        List<LoadCache.Stored> all = new ArrayList<>(loaded(TestSites.repositoryRoot()));
        all.addAll(loaded(TestSites.exampleSite(root.resolve("example"))));
        for (String name : List.of("golden", "twenty-problems")) {
            all.addAll(loaded(TestSites.copySite(TestSites.repositoryRoot().resolve("src/test/resources/sites/" + name),
                    root.resolve(name))));
        }
        return all;
    }

    @Test
    void everyPageSnippetAndFindingOfTheFixtureSitesComesBackEqual() throws IOException {
        List<LoadCache.Stored> fixtures = fixtures();
        Set<String> kinds = new TreeSet<>();
        int findings = 0;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ValueOutput out = LOADS.output(bytes);
        for (LoadCache.Stored stored : fixtures) {
            out.writeValue(stored);
        }
        out.flush();
        ValueInput in = LOADS.input(new ByteArrayInputStream(bytes.toByteArray()));
        for (LoadCache.Stored stored : fixtures) {
            LoadCache.Stored back = in.readValue(LoadCache.Stored.class);
            assertEquals(stored.path(), back.path());
            assertEquals(stored.size(), back.size());
            assertArrayEquals(stored.contentHash(), back.contentHash(), stored.path());
            assertEquals(stored.result(), back.result(), stored.path());
            assertEquals(stored.diagnostics(), back.diagnostics(), stored.path());
            kinds.add(stored.result() == null ? "none" : stored.result().getClass().getSimpleName());
            findings += stored.diagnostics().size();
        }
        assertTrue(in.atEnd());
        assertEquals(Set.of("Answer", "Checklist", "GlossaryTerm", "Guide", "Hub", "Snippet", "Topic", "none"), kinds);
        assertTrue(findings > 0, "the fixtures have findings while loading: " + findings);
    }

    @Test
    void aPageReadBackKeepsItsLongTextsUndecodedAndWritesThemBackAsTheyWereRead() throws IOException {
        Page page = (Page) loaded(TestSites.repositoryRoot()).stream().map(LoadCache.Stored::result)
                .filter(r -> r instanceof Page.Answer answer && answer.body().sourceText().length() > 1000)
                .findFirst().orElseThrow();
        byte[] written = write(LOADS, page);

        Page back = (Page) read(LOADS, written);

        assertTrue(back.body().sourceText().isUndecoded());
        assertTrue(back.body().htmlText().isUndecoded());
        assertArrayEquals(written, write(LOADS, back), "written back without being decoded");
        assertTrue(back.body().sourceText().isUndecoded());
        assertEquals(page, back);
    }

    @Test
    void aPageReadBackHasTheSameOrderOfFrontMatterKeys() throws IOException {
        Page page = (Page) loaded(TestSites.exampleSite(root)).stream().map(LoadCache.Stored::result)
                .filter(r -> r instanceof Page.Answer).findFirst().orElseThrow();

        Page back = (Page) roundTrip(LOADS, page);

        assertEquals(List.copyOf(page.common().keyPositions().keySet()), List.copyOf(back.common().keyPositions().keySet()));
    }

    @Test
    void scalarsDatesEnumsOptionalsAndNullsComeBack() throws IOException {
        Scalars scalars = new Scalars(-7, Long.MIN_VALUE, true, -0.5, Integer.MAX_VALUE, null, LocalDate.of(1969, 12, 31),
                Kind.GLOSSARY, Optional.of("x"), Optional.empty(), Arrays.asList("a", null, "a"), "");

        assertEquals(scalars, roundTrip(RecordCodec.of(Scalars.class), scalars));
    }

    @Test
    void listsOfEveryLengthComeBackEqualAndUnmodifiableWithOrWithoutNulls() throws IOException {
        RecordCodec codec = RecordCodec.of(Box.class);
        for (int size = 0; size <= 5; size++) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add("item " + i);
            }
            for (List<Object> list : List.of(items, withNullAtEnd(items))) {
                List<?> back = (List<?>) ((Box) roundTrip(codec, new Box(list))).value();

                assertEquals(list, back, "a list of " + list.size());
                assertThrows(UnsupportedOperationException.class, () -> back.add(null), "a list of " + list.size());
                if (!back.isEmpty()) {
                    assertThrows(UnsupportedOperationException.class, () -> back.set(0, null), "a list of " + list.size());
                }
            }
        }
    }

    private static List<Object> withNullAtEnd(List<Object> items) {
        List<Object> withNull = new ArrayList<>(items);
        withNull.add(null);
        return withNull;
    }

    @Test
    void byteArraysComeBack() throws IOException {
        byte[] bytes = new byte[300];
        new Random(1).nextBytes(bytes);

        Bytes back = (Bytes) roundTrip(RecordCodec.of(Bytes.class), new Bytes(bytes));

        assertArrayEquals(bytes, back.bytes());
    }

    @Test
    void stringsLongerThan64KBComeBack() throws IOException {
        String text = "长文本 with a surrogate pair 😀 ".repeat(10_000);
        assertTrue(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 65_535);

        assertEquals(new Box(text), roundTrip(RecordCodec.of(Box.class), new Box(text)));
    }

    @Test
    void mapsKeepTheirOrderAndSortedMapsComeBackSorted() throws IOException {
        Map<String, Integer> linked = new LinkedHashMap<>();
        linked.put("zeta", 1);
        linked.put("alpha", 2);
        linked.put("mu", 3);
        Maps maps = new Maps(linked, new TreeMap<>(linked), new TreeMap<>(linked));

        Maps back = (Maps) roundTrip(RecordCodec.of(Maps.class), maps);

        assertEquals(maps, back);
        assertEquals(List.of("zeta", "alpha", "mu"), List.copyOf(back.linked().keySet()));
        assertInstanceOf(SortedMap.class, back.tree());
        assertEquals(List.of("alpha", "mu", "zeta"), List.copyOf(back.sorted().keySet()));
    }

    @Test
    void recursiveRecordsAndValuesOfTypeVariablesComeBack() throws IOException {
        Tree tree = new Tree("root", List.of(new Tree("a", List.of()), new Tree("b", List.of(new Tree("c", List.of())))));
        Box box = new Box(List.of(new Located<>(7, SourcePos.startOf("a.md")), Map.of("k", Optional.of(LocalDate.EPOCH))));

        assertEquals(tree, roundTrip(RecordCodec.of(Tree.class), tree));
        assertEquals(box, roundTrip(RecordCodec.of(Box.class, Located.class), box));
    }

    @Test
    void aComponentOfAnotherTypeIsRefusedWhenTheCodecIsMade() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RecordCodec.of(WithFile.class));

        assertEquals("cannot keep java.io.File in the build cache (at WithFile.file): " + KEPT + "WithFile",
                refused.getMessage());
    }

    @Test
    void aValueOfAnotherTypeInATypeVariableIsRefusedWhenWrittenWithItsPath() throws IOException {
        Page.Answer answer = (Page.Answer) loaded(TestSites.exampleSite(root)).stream().map(LoadCache.Stored::result)
                .filter(r -> r instanceof Page.Answer).findFirst().orElseThrow();
        Common c = answer.common();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Located<String> author = new Located(new File("/etc/passwd"), SourcePos.startOf("a.md"));
        Page.Answer bad = new Page.Answer(answer.key(), answer.sourcePath(), answer.idPos(),
                new Common(c.title(), c.description(), c.date(), c.updated(), author, c.tags(), c.topic(), c.draft(),
                        c.aliases(), c.review(), c.keyPositions()),
                answer.body(), answer.question(), answer.answer(), answer.basis(), answer.nextSteps(), answer.summaryEn(),
                answer.faq(), answer.related(), answer.inline());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> write(LOADS, bad));

        assertEquals("cannot keep java.io.File in the build cache (at Answer.common.author.value): " + KEPT
                + "Stored, Page, Snippet", refused.getMessage());
    }

    @Test
    void aValueOfAnotherTypeInAnObjectComponentIsRefusedWhenWritten() {
        RecordCodec codec = RecordCodec.of(Box.class);

        IllegalArgumentException inList = assertThrows(IllegalArgumentException.class,
                () -> write(codec, new Box(List.of("a", new StringBuilder("b")))));
        IllegalArgumentException inMap = assertThrows(IllegalArgumentException.class,
                () -> write(codec, new Box(Map.of("k", List.of(Optional.of(new StringBuilder("b")))))));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> write(codec, new Box(new OtherBox("not in the schema"))));

        assertEquals("cannot keep java.lang.StringBuilder in the build cache (at Box.value[1]): " + KEPT + "Box",
                inList.getMessage());
        assertEquals("cannot keep java.lang.StringBuilder in the build cache (at Box.value[k][0].get()): " + KEPT + "Box",
                inMap.getMessage());
        assertEquals("cannot keep io.answersite.cache.RecordCodecTest$OtherBox in the build cache (at Box.value): "
                + KEPT + "Box", outside.getMessage());
    }

    @Test
    void aClassNameOutsideTheSchemaIsRefusedWhenRead() throws IOException {
        RecordCodec codec = RecordCodec.of(Box.class);
        for (String name : List.of("java.lang.ProcessBuilder", OtherBox.class.getName(), "io.answersite.site.BuildRequest")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ValueOutput out = codec.output(bytes);
            out.tag(RecordCodec.TAG_RECORD);
            out.varint(0);
            out.utf8(name);
            out.flush();

            IOException refused = assertThrows(IOException.class, () -> read(codec, bytes.toByteArray()));

            assertEquals("class " + name + " is not in the cache's schema", refused.getMessage());
        }
    }

    @Test
    void aStreamOfAnotherSchemaOrFormatVersionIsRefused() throws IOException {
        byte[] bytes = write(RecordCodec.of(Box.class), new Box("x"));
        byte[] otherVersion = bytes.clone();
        otherVersion[7]++;

        IOException otherSchema = assertThrows(IOException.class, () -> read(RecordCodec.of(OtherBox.class), bytes));
        IOException version = assertThrows(IOException.class, () -> read(RecordCodec.of(Box.class), otherVersion));

        assertEquals("a cache file of records that have changed since", otherSchema.getMessage());
        assertEquals("cache format 2, this plugin reads 1", version.getMessage());
        assertFalse(Arrays.equals(RecordCodec.of(Box.class).fingerprint(), RecordCodec.of(OtherBox.class).fingerprint()));
        assertArrayEquals(RecordCodec.of(Box.class).fingerprint(), RecordCodec.of(Box.class).fingerprint());
    }

    @Test
    void aValueOfAnotherTypeThanItsComponentDeclaresIsRefusedWhenRead() throws IOException {
        RecordCodec codec = RecordCodec.of(Scalars.class);
        byte[] bytes = write(codec, new Scalars(1, 2, false, 0, null, null, null, Kind.HUB, Optional.empty(),
                Optional.empty(), List.of(), "text"));
        int at = bytes.length - 6; // the last component: the string "text", tag then length
        assertEquals(RecordCodec.TAG_STRING, bytes[at]);
        bytes[at] = RecordCodec.TAG_INT;

        IOException refused = assertThrows(IOException.class, () -> read(codec, bytes));

        assertEquals("tag 3 where a STRING is declared", refused.getMessage());
    }

    @Test
    void nestingDeeperThanAnyRecordIsRefusedWhenRead() throws IOException {
        RecordCodec codec = RecordCodec.of(Box.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ValueOutput out = codec.output(bytes);
        for (int i = 0; i < 100_000; i++) {
            out.tag(RecordCodec.TAG_LIST);
            out.varint(1);
        }
        out.flush();

        IOException refused = assertThrows(IOException.class, () -> read(codec, bytes.toByteArray()));

        assertEquals("values nested deeper than 64", refused.getMessage());
    }

    @Test
    void aDamagedStreamIsAnIOExceptionOrAValueNeverAnotherFailure() throws IOException {
        List<LoadCache.Stored> pages = loaded(TestSites.exampleSite(root));
        byte[] bytes = write(LOADS, pages.get(1));
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            byte[] damaged = round % 4 == 0 ? Arrays.copyOf(bytes, random.nextInt(bytes.length)) : bytes.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0 && round % 4 != 0; flips--) {
                int at = RecordCodec.FINGERPRINT_BYTES + 8 + random.nextInt(damaged.length - RecordCodec.FINGERPRINT_BYTES - 8);
                damaged[at] = (byte) random.nextInt(256);
            }
            try {
                read(LOADS, damaged);
            } catch (IOException expected) {
                // refused: the caller reads the files again
            } catch (RuntimeException | Error e) {
                throw new AssertionError("round " + round + " of seed 11: " + e, e);
            }
        }
    }

    @Test
    void nullIsAValue() throws IOException {
        assertNull(roundTrip(LOADS, null));
    }
}
