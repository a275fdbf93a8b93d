package io.answersite.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fragments beyond the budget go to temporary files as they are made and reach the build cache all the same. */
class FragmentSpillTest {

    @TempDir
    Path root;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String make(Fragments fragments, String id, String value) {
        return fragments.get("twin", id, Fragments.class, List.of("inputs of " + id), () -> value,
                FragmentSpillTest::utf8, FragmentSpillTest::text);
    }

    private List<String> temporaryFiles(BuildCache cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.folder())) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".tmp")).sorted().toList();
        }
    }

    @Test
    void fragmentsBeyondTheBudgetAreWrittenAsideAndTheCacheKeepsEveryOneWithItsBytes() throws IOException {
        BuildCache cache = BuildCache.forSite(root, "a site");
        try (FragmentSpill spill = cache.spill(12)) {
            Fragments fragments = Fragments.onDisk(new InputDigest(record -> null), Map.of(), null, Set.of(), spill);
            assertEquals("0123456789", make(fragments, "a", "0123456789"), "the value is handed back as made");
            assertEquals("spilled one", make(fragments, "b", "spilled one"));
            assertEquals("spilled two", make(fragments, "c", "spilled two"));

            List<FragmentFile.Stored> stored = fragments.stored();
            assertEquals(List.of("twin\na", "twin\nb", "twin\nc"), stored.stream().map(FragmentFile.Stored::key).toList());
            assertArrayEquals(utf8("0123456789"), stored.get(0).value(), "within the budget: held");
            assertNull(stored.get(1).value(), "beyond the budget: not held");
            assertNull(stored.get(2).value());
            List<String> aside = temporaryFiles(cache);
            assertEquals(BuildCache.fragmentSegmentOf("twin\nb") == BuildCache.fragmentSegmentOf("twin\nc") ? 1 : 2,
                    aside.size(), "a file per segment written to: " + aside);
            aside.forEach(name -> assertTrue(name.startsWith("fragments-"), name));

            cache.fragmentWrites(fragments, "key").forEach(Runnable::run);
        }
        assertEquals(List.of(), temporaryFiles(cache), "the spill's files are deleted when it closes");

        Map<String, FragmentFile.Stored> kept = BuildCache.forSite(root, "a site").fragments("key");
        assertEquals(Set.of("twin\na", "twin\nb", "twin\nc"), kept.keySet());
        assertArrayEquals(utf8("spilled one"), kept.get("twin\nb").value());
        assertArrayEquals(utf8("spilled two"), kept.get("twin\nc").value());

        Fragments next = Fragments.onDisk(new InputDigest(record -> null), kept, null, Set.of(), null);
        assertEquals("spilled two", next.get("twin", "c", Fragments.class, List.of("inputs of c"),
                () -> "made again", FragmentSpillTest::utf8, FragmentSpillTest::text), "taken back by the next build");
        assertNotNull(next.stored().get(0).value());
    }

    @Test
    void fragmentsWithinTheBudgetAreHeldAndNothingIsWrittenAside() throws IOException {
        BuildCache cache = BuildCache.forSite(root, "a site");
        try (FragmentSpill spill = cache.spill(1 << 20)) {
            Fragments fragments = Fragments.onDisk(new InputDigest(record -> null), Map.of(), null, Set.of(), spill);
            make(fragments, "a", "one");
            make(fragments, "b", "two");
            assertEquals(List.of(), Files.isDirectory(cache.folder()) ? temporaryFiles(cache) : List.of());
            fragments.stored().forEach(entry -> assertNotNull(entry.value(), entry.key()));
        }
    }

    @Test
    void everyKindOfFragmentOfOnePageIsKeptInTheSameSegment() {
        String page = "PageKey[kind=ANSWER, id=retry-after, language=zh-CN]";
        int segment = BuildCache.fragmentSegmentOf("twin\n" + page);
        for (String kind : List.of("twin-hash", "llms-item", "llms-json-entry", "sitemap", "twin-item", "terms-used")) {
            assertEquals(segment, BuildCache.fragmentSegmentOf(kind + "\n" + page), kind);
        }
    }
}
