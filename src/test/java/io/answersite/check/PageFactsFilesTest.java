package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.text.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The page facts the build cache keeps in segments: read back as scanned, a segment without a
 * changed page not written again, and one with a few changed pages written with its table and
 * unchanged records as they were, so that it reads back exactly as a segment written whole.
 */
class PageFactsFilesTest {

    private static final int PAGES = 320;

    private static String path(int page) {
        return "answers/p" + page + "/index.html";
    }

    private static byte[] html(int page, String extraLink) {
        return ("<!DOCTYPE html><html><head><title>T" + page + "</title><meta name=\"description\" content=\"D\">"
                + "<link rel=\"canonical\" href=\"https://example.com/p" + page + "/\"></head><body>"
                + "<nav><a href=\"/\">home</a><a href=\"/answers/\">answers</a></nav><h1 id=\"h" + page + "\">H</h1>"
                + "<a href=\"/answers/p" + (page + 1) + "/\">next</a>" + extraLink + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Writes each file into {@code files}, by name (as the build cache would, from several threads). */
    static PageFactsFiles.Replace into(Map<String, byte[]> files) {
        return (name, body) -> {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(file)) {
                body.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.put(name, file.toByteArray());
        };
    }

    /** Reads the memory back from {@code files}, by name. */
    static BuiltSiteCheck.Memory read(Map<String, byte[]> files) {
        return PageFactsFiles.read(name -> Optional.ofNullable(files.get(name))
                .map(bytes -> new DataInputStream(new ByteArrayInputStream(bytes))), "key");
    }

    @Test
    void anEditWritesAgainOnlyTheSegmentsOfChangedPagesAndEachReadsBackAsIfWrittenWhole() {
        Map<Integer, byte[]> pages = new TreeMap<>();
        IntStream.range(0, PAGES).forEach(page -> pages.put(page, html(page, "")));
        BuiltSiteCheck.Memory first = BuiltSiteCheck.Memory.published();
        BuiltSiteCheck.Pages scanned = new BuiltSiteCheck.Pages(first);
        pages.forEach((page, bytes) -> scanned.written(path(page), bytes));
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        PageFactsFiles.write(first, into(files), "key", path -> Optional.of(Sha256.of(pages.get(number(path)))));
        assertEquals(Set.copyOf(PageFactsFiles.names()), files.keySet());

        // the next build: two pages changed (one with a link no page had), one gone, one new, the rest kept
        BuiltSiteCheck.Memory second = read(files);
        pages.put(3, html(3, "<a href=\"/a-new-target/\">new</a>"));
        pages.put(50, html(50, "<a href=\"/answers/\">again</a>"));
        pages.remove(7);
        pages.put(PAGES, html(PAGES, ""));
        BuiltSiteCheck.Pages again = new BuiltSiteCheck.Pages(second);
        pages.forEach((page, bytes) -> {
            byte[] sha256 = Sha256.of(bytes);
            if (Set.of(3, 50, PAGES).contains(page)) {
                again.written(path(page), bytes);
            } else {
                again.kept(path(page), sha256, () -> {
                    throw new AssertionError("a kept page is known by its hash, not read: " + page);
                });
            }
        });
        second.retainOnly(pages.keySet().stream().map(PageFactsFilesTest::path).collect(Collectors.toSet()));
        Map<String, byte[]> after = new ConcurrentHashMap<>(files);
        PageFactsFiles.write(second, into(after), "key", path -> Optional.of(Sha256.of(pages.get(number(path)))));

        Set<Integer> touched = Set.of(3, 50, 7, PAGES).stream().map(page -> PageFactsFiles.segmentOf(path(page)))
                .collect(Collectors.toSet());
        for (int segment = 0; segment < PageFactsFiles.SEGMENTS; segment++) {
            String name = PageFactsFiles.segmentName(segment);
            assertEquals(!touched.contains(segment), Arrays.equals(files.get(name), after.get(name)),
                    name + " is written again exactly when one of its pages changed, went or came");
        }
        int changedSegment = PageFactsFiles.segmentOf(path(3));
        assertTrue(indexOf(after.get(PageFactsFiles.segmentName(changedSegment)), "a-new-target") > 0);

        // read back: every page's facts are what its bytes say, whichever way its segment was written
        BuiltSiteCheck.Memory third = read(after);
        Map<String, byte[]> whole = new ConcurrentHashMap<>();
        BuiltSiteCheck.Memory fresh = BuiltSiteCheck.Memory.published();
        BuiltSiteCheck.Pages rescanned = new BuiltSiteCheck.Pages(fresh);
        pages.forEach((page, bytes) -> rescanned.written(path(page), bytes));
        PageFactsFiles.write(fresh, into(whole), "key", path -> Optional.of(Sha256.of(pages.get(number(path)))));
        BuiltSiteCheck.Memory wholeRead = read(whole);
        pages.forEach((page, bytes) -> {
            PageFacts facts = third.recallPublished(path(page), Sha256.of(bytes));
            assertNotNull(facts, path(page));
            assertEquals(PageScanner.facts(bytes), facts, path(page));
            assertEquals(wholeRead.recallPublished(path(page), Sha256.of(bytes)), facts, path(page));
        });
        pages.forEach((page, bytes) -> assertSame(third.recallPublished(path(page), Sha256.of(bytes)),
                third.restoredFacts(path(page)), "the very facts the link check trusts while its digest holds"));
        assertNull(third.restoredFacts(path(7)));
        assertNull(third.recallPublished(path(7), Sha256.of(html(7, ""))), "a page gone is forgotten");
        assertNull(third.recallPublished(path(3), Sha256.of(html(3, ""))), "a changed page is known by its new hash");
    }

    @Test
    void aDamagedSegmentLosesOnlyItsOwnPages() {
        BuiltSiteCheck.Memory memory = BuiltSiteCheck.Memory.published();
        BuiltSiteCheck.Pages scanned = new BuiltSiteCheck.Pages(memory);
        IntStream.range(0, PAGES).forEach(page -> scanned.written(path(page), html(page, "")));
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        PageFactsFiles.write(memory, into(files), "key", path -> Optional.of(Sha256.of(html(number(path), ""))));
        String damaged = PageFactsFiles.segmentName(PageFactsFiles.segmentOf(path(0)));
        files.put(damaged, Arrays.copyOf(files.get(damaged), files.get(damaged).length - 3));

        BuiltSiteCheck.Memory back = read(files);

        IntStream.range(0, PAGES).forEach(page -> assertEquals(
                PageFactsFiles.segmentName(PageFactsFiles.segmentOf(path(page))).equals(damaged),
                back.recallPublished(path(page), Sha256.of(html(page, ""))) == null, path(page)));
        assertNull(read(Map.of()).recallPublished(path(0), Sha256.of(html(0, ""))), "no files, no facts");
    }

    private static int number(String path) {
        return Integer.parseInt(path.substring("answers/p".length(), path.indexOf("/index.html")));
    }

    private static int indexOf(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text);
    }
}
