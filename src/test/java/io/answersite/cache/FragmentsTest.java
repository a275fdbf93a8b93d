package io.answersite.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.answersite.text.Murmur3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentsTest {

    private final AtomicInteger made = new AtomicInteger();
    private final Object page = new Object();

    private String tokens() {
        return "tokens " + made.incrementAndGet();
    }

    @Test
    void aFragmentIsReusedWhileItsSourceIsTheSameRecordAndItsInputsAreEqual() {
        Fragments fragments = Fragments.kept();
        fragments.startBuild();
        assertEquals("tokens 1", fragments.get("search", "a", page, "inputs", this::tokens));
        fragments.endBuild();
        fragments.startBuild();
        assertEquals("tokens 1", fragments.get("search", "a", page, "inputs", this::tokens));
        assertEquals("tokens 2", fragments.get("search", "a", page, "other inputs", this::tokens));
        assertEquals("tokens 3", fragments.get("search", "a", new Object(), "other inputs", this::tokens),
                "another record of the same page");
    }

    @Test
    void aBuildDropsWhatItDidNotAskFor() {
        Fragments fragments = Fragments.kept();
        fragments.startBuild();
        fragments.get("search", "a", page, null, this::tokens);
        fragments.endBuild();
        fragments.startBuild();
        fragments.endBuild();
        fragments.startBuild();
        assertEquals("tokens 2", fragments.get("search", "a", page, null, this::tokens));
        assertEquals(1, fragments.size());
    }

    @Test
    void aRetainedFragmentOutlivesABuildThatDidNotAskForIt() {
        Fragments fragments = Fragments.kept();
        fragments.startBuild();
        fragments.get("search", "a", page, null, this::tokens);
        fragments.endBuild();
        fragments.startBuild();
        fragments.retain("search", "a");
        fragments.retain("search", "never made");
        fragments.endBuild();
        fragments.startBuild();
        assertEquals("tokens 1", fragments.get("search", "a", page, null, this::tokens));
        assertEquals(1, fragments.size(), "retaining what was never made makes nothing");
    }

    @Test
    void anEqualValueUnderTheSameNameIsHandedBackAsTheFirstInstance() {
        Fragments fragments = Fragments.kept();
        fragments.startBuild();
        List<String> first = List.of("site.yml", "strings");
        Same same = fragments.same("site-constants", first);
        fragments.endBuild();
        fragments.startBuild();
        Same again = fragments.same("site-constants", List.of("site.yml", "strings"));
        assertEquals(same, again, "equal values: the first instance, so the wrappers are equal");
        assertNotEquals(same, fragments.same("site-constants", List.of("site.yml", "other strings")));
        assertNotEquals(Fragments.none().same("a", first), Fragments.none().same("a", List.copyOf(
                new ArrayList<>(first))), "without kept fragments every value stands for itself");
    }

    @Test
    void fragmentsOfOneBuildOnlyAreMadeEveryTime() {
        Fragments fragments = Fragments.none();
        fragments.get("search", "a", page, null, this::tokens);
        fragments.retain("search", "a");
        assertEquals("tokens 2", fragments.get("search", "a", page, null, this::tokens));
    }

    @Test
    void aStoredFragmentKeptByNameOutlivesABuildThatDidNotAskForItAndTheOthersDoNot() {
        Fragments first = Fragments.onDisk(new InputDigest(record -> null), Map.of(), null, Set.of(), null);
        first.put("graph-edges", "site", Fragments.class, "day 1", utf8("edges"));
        first.put("graph-edges", "other", Fragments.class, "day 1", utf8("other edges"));
        Map<String, FragmentFile.Stored> kept = first.stored().stream()
                .collect(Collectors.toMap(FragmentFile.Stored::key, stored -> stored));

        Fragments next = Fragments.onDisk(new InputDigest(record -> null), kept, null, Set.of(), null);
        assertEquals(Optional.of("edges"), next.stored("graph-edges", "site", Fragments.class, "day 1",
                FragmentsTest::text));
        next.keepStored("graph-edges", "site");
        next.keepStored("graph-edges", "never stored");
        assertEquals(List.of("graph-edges\nsite"), next.stored().stream().map(FragmentFile.Stored::key).toList());
        assertSame(kept.get("graph-edges\nsite"), next.stored().get(0), "kept as read, not written again");
    }

    @Test
    void inputsKeptForTheBuildCacheAreHeldAsTheirDigestAndReuseAFragmentExactlyWhenTheyAreEqual() {
        Fragments first = Fragments.onDisk(new InputDigest(record -> null), Map.of(), null, Set.of(), null);
        Object inputs = first.compared(List.of("title", List.of("related title", "description")));
        assertInstanceOf(InputDigest.Digested.class, inputs);
        assertEquals("twin", first.get("twin", "a", Fragments.class, inputs, () -> "twin", FragmentsTest::utf8,
                FragmentsTest::text));
        Map<String, FragmentFile.Stored> kept = first.stored().stream()
                .collect(Collectors.toMap(FragmentFile.Stored::key, stored -> stored));
        AtomicInteger made = new AtomicInteger();
        Fragments same = Fragments.onDisk(new InputDigest(record -> null), kept, null, Set.of(), null);
        same.get("twin", "a", Fragments.class, same.compared(List.of("title", List.of("related title", "description"))),
                () -> "made " + made.incrementAndGet(), FragmentsTest::utf8, FragmentsTest::text);
        assertEquals(0, made.get(), "equal inputs: the kept fragment");
        Fragments changed = Fragments.onDisk(new InputDigest(record -> null), kept, null, Set.of(), null);
        assertEquals("made 1", changed.get("twin", "a", Fragments.class, changed.compared(List.of("title",
                List.of("related title", "new description"))), () -> "made " + made.incrementAndGet(),
                FragmentsTest::utf8, FragmentsTest::text));
        Object undigestable = List.of(new Object());
        assertSame(undigestable, same.compared(undigestable), "what cannot be digested is compared as itself");
        assertSame(undigestable, Fragments.kept().compared(undigestable), "the preview compares by equality");
    }

    @Test
    void lazyInputsOfATrustedSourceAreNotMadeAndOnlyLazyInputsOfTheSameRecordAreEverTrusted() {
        Object record = new Object();
        byte[] file = new byte[32];
        InputDigest digests = new InputDigest(value -> value == record ? file : null);
        Fragments first = Fragments.onDisk(digests, Map.of(), null, Set.of(), null);
        first.get("twin", "a", record, "inputs", () -> "twin", FragmentsTest::utf8, FragmentsTest::text);
        Map<String, FragmentFile.Stored> kept = first.stored().stream()
                .collect(Collectors.toMap(FragmentFile.Stored::key, stored -> stored));
        AtomicInteger inputsMade = new AtomicInteger();
        AtomicInteger made = new AtomicInteger();

        Fragments trusting = Fragments.onDisk(digests, kept, null, Set.of(), null);
        trusting.trustInputsOf(source -> true);
        assertEquals("twin", trusting.get("twin", "a", record, Fragments.lazy(() -> {
            inputsMade.incrementAndGet();
            return "changed inputs";
        }), () -> "made " + made.incrementAndGet(), FragmentsTest::utf8, FragmentsTest::text));
        assertEquals(0, inputsMade.get(), "trusted: the inputs are not made");
        assertEquals(0, made.get());
        assertEquals("made 1", trusting.get("twin", "a", record, "changed inputs",
                () -> "made " + made.incrementAndGet(), FragmentsTest::utf8, FragmentsTest::text),
                "inputs given as they are are always compared");

        Fragments untrusting = Fragments.onDisk(digests, kept, null, Set.of(), null);
        untrusting.trustInputsOf(source -> false);
        assertEquals("made 2", untrusting.get("twin", "a", record, Fragments.lazy(() -> {
            inputsMade.incrementAndGet();
            return "changed inputs";
        }), () -> "made " + made.incrementAndGet(), FragmentsTest::utf8, FragmentsTest::text));
        assertEquals(1, inputsMade.get(), "not trusted: made and compared");
        assertEquals("twin", untrusting.get("twin", "a", record, Fragments.lazy(() -> "inputs"),
                () -> "made " + made.incrementAndGet(), FragmentsTest::utf8, FragmentsTest::text),
                "equal inputs made lazily: the kept fragment");
    }

    @Test
    void filesMadeFromTheStructureAloneAreKeptOnlyWhileItIsTrustedAndTheyAreStillAsPublished(@TempDir Path published)
            throws IOException {
        Files.writeString(published.resolve("sitemap.xml"), "<urlset/>");
        InputDigest digests = new InputDigest(record -> null);
        Fragments first = Fragments.onDisk(digests, Map.of(), published, Set.of(), null);
        first.madeFiles("sitemap", "inputs", Map.of("sitemap.xml", List.of(utf8("<url"), utf8("set/>"))));
        Map<String, FragmentFile.Stored> kept = first.stored().stream()
                .collect(Collectors.toMap(FragmentFile.Stored::key, stored -> stored));

        Fragments trusting = Fragments.onDisk(digests, kept, published, Set.of("sitemap.xml"), null);
        trusting.trustStructureWhen(() -> true);
        List<Fragments.PublishedFile> files = trusting.keptFiles("sitemap", "inputs").orElseThrow();
        assertEquals(List.of("sitemap.xml"), files.stream().map(Fragments.PublishedFile::path).toList());
        assertArrayEquals(Murmur3.of(utf8("<urlset/>")), files.get(0).hash(), "the hash of the parts as one file");
        assertEquals("<urlset/>", text(files.get(0).bytes().get()), "read from the published folder");
        assertEquals(List.of("files\nsitemap"), trusting.stored().stream().map(FragmentFile.Stored::key).toList(),
                "the list is kept for the build after");

        Fragments untrusting = Fragments.onDisk(digests, kept, published, Set.of("sitemap.xml"), null);
        untrusting.trustStructureWhen(() -> false);
        assertEquals(Optional.empty(), untrusting.keptFiles("sitemap", "inputs"), "the structure may have changed");
        Fragments otherInputs = Fragments.onDisk(digests, kept, published, Set.of("sitemap.xml"), null);
        otherInputs.trustStructureWhen(() -> true);
        assertEquals(Optional.empty(), otherInputs.keptFiles("sitemap", "other inputs"), "made from other inputs");
        Fragments touched = Fragments.onDisk(digests, kept, published, Set.of(), null);
        touched.trustStructureWhen(() -> true);
        assertEquals(Optional.empty(), touched.keptFiles("sitemap", "inputs"), "not as the last build left it");
        Fragments unrecorded = Fragments.onDisk(digests, Map.of(), published, Set.of("sitemap.xml"), null);
        unrecorded.trustStructureWhen(() -> true);
        assertEquals(Optional.empty(), unrecorded.keptFiles("sitemap", "inputs"), "no build recorded them");
        Fragments preview = Fragments.kept();
        preview.trustStructureWhen(() -> true);
        assertEquals(Optional.empty(), preview.keptFiles("sitemap", "inputs"), "the preview makes them");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
