package io.answersite.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache file read back by position: whole spans and pieces of them, the file as it was when
 * opened even after it was replaced, and a clear error for a span past its end or after closing.
 */
class FileSpansTest {

    @TempDir
    Path folder;

    private Path fileOf(String text) throws IOException {
        return Files.writeString(folder.resolve("values.bin"), text);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSpanReadsBackWholeAndPieceByPiece() throws IOException {
        try (FileSpans spans = FileSpans.open(fileOf("headerfirst valuesecond value"))) {
            ParkedBytes.Span second = new ParkedBytes.Span(17, 12);
            assertArrayEquals(utf8("second value"), spans.read(second));
            byte[] piece = new byte[8];
            spans.read(second, 7, piece, 5);
            assertArrayEquals(utf8("value"), java.util.Arrays.copyOf(piece, 5));
        }
    }

    @Test
    void aFileReplacedWhileOpenIsReadAsItWasWhenOpened() throws IOException {
        Path file = fileOf("the old bytes");
        try (FileSpans spans = FileSpans.open(file)) {
            Path replacement = Files.writeString(folder.resolve("new.bin"), "the new bytes");
            Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertArrayEquals(utf8("old"), spans.read(new ParkedBytes.Span(4, 3)));
        }
    }

    @Test
    void aSpanPastTheEndOfTheFileOrOfItselfIsAnError() throws IOException {
        try (FileSpans spans = FileSpans.open(fileOf("short"))) {
            UncheckedIOException past = assertThrows(UncheckedIOException.class,
                    () -> spans.read(new ParkedBytes.Span(2, 10)));
            org.junit.jupiter.api.Assertions.assertTrue(past.getMessage().startsWith("cannot read back "), past.getMessage());
            assertThrows(IndexOutOfBoundsException.class,
                    () -> spans.read(new ParkedBytes.Span(0, 3), 2, new byte[4], 2));
        }
    }

    @Test
    void aClosedFileIsNotReadAgain() throws IOException {
        FileSpans spans = FileSpans.open(fileOf("values"));
        spans.close();
        assertThrows(IllegalStateException.class, () -> spans.read(new ParkedBytes.Span(0, 3)));
    }
}
