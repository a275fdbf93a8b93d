package io.answersite.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.answersite.config.CheckSettings;
import io.answersite.content.Kind;
import io.answersite.content.PageKey;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the build cache compares a page's inputs by across builds, where there are no instances to compare. */
class InputDigestTest {

    private record Item(String title, int rank, List<PageKey> keys, Optional<LocalDate> date) {
    }

    private final InputDigest digest = new InputDigest(record -> null);

    @Test
    void equalValuesBuiltApartHaveOneDigestAndAnyDifferentComponentAnother() {
        Item item = new Item("Why 504?", 1, List.of(new PageKey(Kind.ANSWER, "a", "en")), Optional.of(LocalDate.of(2026, 1, 2)));
        Item same = new Item("Why 504?", 1, List.of(new PageKey(Kind.ANSWER, "a", "en")), Optional.of(LocalDate.of(2026, 1, 2)));
        assertArrayEquals(digest.digest(List.of(item, "x")), digest.digest(List.of(same, "x")));
        for (Item other : List.of(new Item("Why 503?", 1, item.keys(), item.date()), new Item(item.title(), 2, item.keys(), item.date()),
                new Item(item.title(), 1, List.of(new PageKey(Kind.GUIDE, "a", "en")), item.date()),
                new Item(item.title(), 1, item.keys(), Optional.empty()))) {
            assertFalse(Arrays.equals(digest.digest(item), digest.digest(other)), other.toString());
        }
        assertFalse(Arrays.equals(digest.digest(List.of("ab", "c")), digest.digest(List.of("a", "bc"))),
                "strings are length-prefixed");
        assertFalse(Arrays.equals(digest.digest(1), digest.digest("1")), "values are tagged by type");
    }

    @Test
    void hashMapsAndHashSetsDigestTheSameWhateverTheirIterationOrder() {
        Map<Kind, String> one = new HashMap<>();
        Map<Kind, String> two = new HashMap<>();
        for (Kind kind : Kind.values()) {
            one.put(kind, kind.name());
        }
        List<Kind> reversed = Arrays.asList(Kind.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(kind -> two.put(kind, kind.name()));
        assertArrayEquals(digest.digest(one), digest.digest(two));
        assertArrayEquals(digest.digest(new HashSet<>(List.of("a", "b", "c"))), digest.digest(Set.of("c", "b", "a")));
    }

    @Test
    void aRecordReadFromAFileIsDigestedAsThatFileAndAnyOtherByItsContent() {
        Item fromFile = new Item("t", 1, List.of(), Optional.empty());
        Item built = new Item("t", 1, List.of(), Optional.empty());
        byte[] file = new byte[32];
        file[0] = 7;
        InputDigest withFiles = new InputDigest(record -> record == fromFile ? file : null);
        assertFalse(Arrays.equals(withFiles.digest(new Same(fromFile)), withFiles.digest(new Same(built))),
                "the file stands for the record, not its content");
        assertArrayEquals(withFiles.digest(new Same(built)), withFiles.digest(new Same(new Item("t", 1, List.of(), Optional.empty()))));
        assertArrayEquals(file, withFiles.fileOf(fromFile));
        assertNull(withFiles.fileOf(built));
    }

    @Test
    void aValueOfAnUnknownTypeMakesTheInputsUndigestableNeverAGuess() {
        assertNull(digest.digest(List.of("a", new StringBuilder("b").append('c').chars())));
        assertNull(digest.digest(new Same(List.of(new Object()))));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> digest.requireDigestable(List.of(new Object())));
        assertEquals("cannot digest a java.lang.Object", error.getMessage());
    }

    @Test
    void theSiteSettingsAPageReadsAreDigestableSafetyPatternsIncluded() {
        CheckSettings withPattern = new CheckSettings(CheckSettings.DEFAULTS.severities(), 160, 300, 60, 30, 80, 0, 50,
                false, true, List.of(new CheckSettings.SafetyPattern("internal host", Pattern.compile("corp\\.example"))),
                Set.of("abc"));
        digest.requireDigestable(List.of(CheckSettings.DEFAULTS, withPattern, URI.create("https://a.example/")));
        CheckSettings otherPattern = new CheckSettings(withPattern.severities(), 160, 300, 60, 30, 80, 0, 50, false, true,
                List.of(new CheckSettings.SafetyPattern("internal host", Pattern.compile("corp\\.example", Pattern.CASE_INSENSITIVE))),
                Set.of("abc"));
        assertNotNull(digest.digest(withPattern));
        assertFalse(Arrays.equals(digest.digest(withPattern), digest.digest(otherPattern)), "flags count");
    }

    @Test
    void aRecordIsFedAsItsTaggedClassNameThenEachComponentAnEnumAsItsQualifiedName() throws Exception {
        java.security.MessageDigest expected = new io.answersite.text.Murmur3(0);
        for (Object[] part : new Object[][] {{'r', PageKey.class.getName()}, {'e', Kind.class.getName() + ".GUIDE"},
                {'s', "why-504"}, {'s', "de"}}) {
            String text = (String) part[1];
            expected.update((byte) (char) part[0]);
            expected.update(new byte[] {0, 0, (byte) (text.length() >>> 8), (byte) text.length()});
            expected.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        PageKey key = new PageKey(Kind.GUIDE, "why-504", "de");
        assertArrayEquals(expected.digest(), digest.digest(key));
        assertArrayEquals(digest.digest(new PageKey(Kind.GUIDE, "why-504", "de")), digest.digest(key),
                "the second of a class and of a constant feeds the same bytes");
    }

    @Test
    void aSharedValueIsDigestedOnceAsItsValueAndComparedByItsValue() {
        List<Object> inputs = List.of("t", new PageKey(Kind.ANSWER, "a", "en"));
        Shared shared = new Shared(inputs);
        byte[] first = digest.digest(List.of(shared, "entry"));
        assertArrayEquals(first, digest.digest(List.of(shared, "entry")));
        assertArrayEquals(first, digest.digest(List.of(new Shared(List.of("t", new PageKey(Kind.ANSWER, "a", "en"))),
                "entry")), "equal values in another instance digest the same");
        assertFalse(Arrays.equals(first, digest.digest(List.of(new Shared(List.of("u")), "entry"))));
        assertFalse(Arrays.equals(digest.digest(inputs), digest.digest(shared)), "tagged apart from the value itself");
        assertEquals(shared, new Shared(List.of("t", new PageKey(Kind.ANSWER, "a", "en"))));
        Shared unknown = new Shared(List.of(new Object()));
        assertNull(digest.digest(List.of(unknown)));
        assertNull(digest.digest(List.of("again", unknown)), "undigestable the second time too");
        int[] fileLookups = {0};
        InputDigest counting = new InputDigest(record -> {
            fileLookups[0]++;
            return new byte[32];
        });
        Shared readsAFile = new Shared(List.of(new Same(new Object())));
        counting.digest(List.of(readsAFile, "twin"));
        counting.digest(List.of(readsAFile, "llms.json entry"));
        assertEquals(1, fileLookups[0], "what a Shared holds is walked once per instance");
    }
}
