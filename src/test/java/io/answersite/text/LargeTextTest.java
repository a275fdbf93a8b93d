package io.answersite.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long texts kept in a build's temporary file: read back as written, only beyond the budget, never after close. */
class LargeTextTest {

    @TempDir
    Path root;

    private static String text(String unit) {
        return unit.repeat(LargeText.SHORTEST_OFF_HEAP / unit.length() + 1);
    }

    private List<Path> temporaryFiles() throws IOException {
        if (!Files.isDirectory(root.resolve("cache"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(root.resolve("cache"))) {
            return files.toList();
        }
    }

    @Test
    void aTextKeptInTheFileReadsBackAsWrittenWithItsLengthAndBlanknessKnownBeforehand() throws IOException {
        String mixed = text("<p>Timeouts 超时 — ünïcode 🙂</p>\n");
        String blank = " \n\t".repeat(300);
        try (ParkedBytes store = ParkedBytes.in(root.resolve("cache"), 0)) {
            LargeText parked = LargeText.of(mixed).parkedIn(store);
            LargeText parkedBlank = LargeText.of(blank).parkedIn(store);

            assertTrue(parked.isParked());
            assertEquals(mixed, parked.toString());
            assertEquals(mixed.length(), parked.length());
            assertFalse(parked.isBlank());
            assertTrue(parkedBlank.isParked());
            assertTrue(parkedBlank.isBlank());
            assertEquals(blank, parkedBlank.toString());
            assertEquals(LargeText.of(mixed), parked, "equal by text, wherever kept");
            assertEquals(mixed.hashCode(), parked.hashCode());
            assertEquals(1, temporaryFiles().size());
        }
        assertEquals(List.of(), temporaryFiles(), "closing deletes the file");
    }

    @Test
    void textsWithinTheBudgetAndShortTextsStayOnTheHeapAndMakeNoFile() throws IOException {
        String first = text("a");
        String second = text("b");
        try (ParkedBytes store = ParkedBytes.in(root.resolve("cache"), first.length())) {
            LargeText held = LargeText.of(first);
            assertSame(held, held.parkedIn(store), "the budget holds the first text");
            LargeText shortText = LargeText.of("x".repeat(LargeText.SHORTEST_OFF_HEAP - 1));
            assertSame(shortText, shortText.parkedIn(store));
            assertFalse(store.usedFile());
            assertEquals(List.of(), temporaryFiles());

            LargeText beyond = LargeText.of(second).parkedIn(store);
            assertTrue(beyond.isParked(), "the budget is spent");
            assertSame(beyond, beyond.parkedIn(store), "parked once");
            assertNotSame(second, beyond.toString());
            assertEquals(second, beyond.toString());
        }
    }

    @Test
    void aParkedTextCannotBeReadOnceItsStoreIsClosed() {
        LargeText parked;
        try (ParkedBytes store = ParkedBytes.in(root.resolve("cache"), 0)) {
            parked = LargeText.of(text("c")).parkedIn(store);
        }
        assertThrows(IllegalStateException.class, parked::toString);
        assertEquals(text("c").length(), parked.length());
    }

    @Test
    void aTextGivenAsUtf8IsDecodedOnlyWhenItsTextLengthOrBlanknessIsAsked() throws IOException {
        String mixed = text("<p>Timeouts 超时 — ünïcode 🙂</p>\n");
        LargeText read = LargeText.ofUtf8(mixed.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertTrue(read.isUndecoded());
        assertFalse(read.isEmpty());
        assertEquals(LargeText.ofUtf8(mixed.getBytes(java.nio.charset.StandardCharsets.UTF_8)), read,
                "equal by bytes without decoding");
        assertTrue(read.isUndecoded());
        assertEquals(mixed.length(), read.length());
        assertFalse(read.isUndecoded());
        assertSame(read.toString(), read.toString(), "decoded once");
        assertEquals(mixed, read.toString());
        assertEquals(LargeText.of(mixed), read);
        assertEquals(read, LargeText.of(mixed));
        assertEquals(mixed.hashCode(), read.hashCode());
        assertTrue(LargeText.ofUtf8(" \n".repeat(300).getBytes(java.nio.charset.StandardCharsets.UTF_8)).isBlank());
        assertSame(LargeText.EMPTY, LargeText.ofUtf8(new byte[0]));
        assertFalse(LargeText.ofUtf8("a".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .equals(LargeText.ofUtf8("b".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void aTextGivenAsUtf8IsParkedAsItsBytesWithoutBeingDecoded() throws IOException {
        String mixed = text("超时 ünïcode 🙂 ");
        byte[] utf8 = mixed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (ParkedBytes store = ParkedBytes.in(root.resolve("cache"), 0)) {
            LargeText read = LargeText.ofUtf8(utf8);
            LargeText parked = read.parkedIn(store);

            assertTrue(read.isUndecoded(), "measured by its bytes");
            assertTrue(parked.isParked());
            assertEquals(mixed, parked.toString());
            assertEquals(mixed.length(), parked.length());
            assertFalse(parked.isBlank());
            assertArrayEquals(utf8, parked.utf8());
        }
    }
}
