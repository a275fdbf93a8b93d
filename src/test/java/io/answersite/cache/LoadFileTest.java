package io.answersite.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.content.LoadCache;
import io.answersite.content.Page;
import io.answersite.content.Snippet;
import io.answersite.render.RenderCache;
import io.answersite.site.Answersite;
import io.answersite.text.FileSpans;
import io.answersite.text.LargeText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load.bin}: a load cache comes back whole, and any file that is not one of ours reads as an empty cache. */
class LoadFileTest {

    @TempDir
    Path root;

    private LoadCache cache;
    private byte[] file;

    @BeforeEach
    void loadTheExampleSite() throws IOException {
        cache = LoadCache.byContent();
        new Answersite().preview(TestSites.request(TestSites.exampleSite(root)), cache, new RenderCache());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoadFile.write(bytes, cache, "key");
        file = bytes.toByteArray();
    }

    private static LoadCache read(byte[] bytes, String key) {
        return LoadFile.read(new ByteArrayInputStream(bytes), key);
    }

    @Test
    void everyEntryComesBackWithItsHashPageAndFindings() {
        List<LoadCache.Stored> written = cache.stored();
        List<LoadCache.Stored> read = read(file, "key").stored();

        assertEquals(6, read.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(written.get(i).path(), read.get(i).path());
            assertEquals(written.get(i).size(), read.get(i).size());
            assertArrayEquals(written.get(i).contentHash(), read.get(i).contentHash());
            assertEquals(written.get(i).result(), read.get(i).result());
            assertEquals(written.get(i).diagnostics(), read.get(i).diagnostics());
        }
    }

    @Test
    void aFileCutShortReadsAsAnEmptyCache() {
        for (int length : List.of(0, 3, 40, file.length / 2, file.length - 1)) {
            assertEquals(List.of(), read(Arrays.copyOf(file, length), "key").stored(), "cut at " + length);
        }
    }

    @Test
    void aFileOfAnotherSchemaReadsAsAnEmptyCache() {
        byte[] other = file.clone();
        other[8 + 5] ^= 1; // a byte of the schema fingerprint, after the magic and the format version

        assertEquals(List.of(), read(other, "key").stored());
    }

    @Test
    void aFileUnderAnotherKeyReadsAsAnEmptyCache() {
        assertEquals(List.of(), read(file, "another key").stored());
    }

    @Test
    void randomBytesReadAsAnEmptyCache() {
        Random random = new Random(5);
        for (int round = 0; round < 100; round++) {
            byte[] bytes = new byte[random.nextInt(20_000)];
            random.nextBytes(bytes);
            assertEquals(List.of(), read(bytes, "key").stored(), "round " + round + " of seed 5");
        }
    }

    @Test
    void bytesAfterTheLastEntryMakeTheFileUnreadable() {
        byte[] longer = Arrays.copyOf(file, file.length + 1);

        assertEquals(List.of(), read(longer, "key").stored());
    }

    @Test
    void aFileNamingAClassOutsideTheSchemaReadsAsAnEmptyCache() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ValueOutput out = RecordCodec.of(LoadCache.Stored.class, Page.class, Snippet.class).output(bytes);
        out.writeString("load");
        out.writeString("key");
        out.writeCount(1);
        out.tag(RecordCodec.TAG_RECORD);
        out.varint(0);
        out.utf8("java.io.File");
        out.flush();

        assertEquals(List.of(), read(bytes.toByteArray(), "key").stored());
    }

    @Test
    void aCacheThatTrustsTimeStampsKeepsNothingOnDisk() throws IOException {
        LoadCache byTime = new LoadCache();
        new Answersite().preview(TestSites.request(root), byTime, new RenderCache());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        LoadFile.write(bytes, byTime, "key");

        assertEquals(6, byTime.stored().size());
        assertEquals(List.of(), read(bytes.toByteArray(), "key").stored());
        assertTrue(bytes.size() < 100, "only the header: " + bytes.size());
    }

    @Test
    void bodiesReadFromAFileAreLeftThereAndReadBackAsTheyWere() throws IOException {
        Path segment = root.resolve("load-00.bin");
        Files.write(segment, file);
        List<LoadCache.Stored> written = cache.stored();
        try (FileSpans spans = FileSpans.open(segment); InputStream in = Files.newInputStream(segment)) {
            List<LoadCache.Stored> read = LoadFile.readEntries(in, "key", spans).orElseThrow();
            assertEquals(written.size(), read.size());
            int left = 0;
            for (int i = 0; i < written.size(); i++) {
                assertEquals(written.get(i).result(), read.get(i).result(), written.get(i).path());
                if (read.get(i).result() instanceof Page page) {
                    Page before = (Page) written.get(i).result();
                    assertEquals(before.body().html(), page.body().html());
                    assertEquals(before.body().sourceText().toString(), page.body().sourceText().toString());
                    boolean longBody = page.body().htmlText().utf8().length >= LargeText.SHORTEST_OFF_HEAP;
                    assertEquals(longBody, page.body().htmlText().isParked(), "a long body stays in the file: " + page.key());
                    left += longBody ? 1 : 0;
                }
            }
            assertTrue(left > 0, "the example site has long bodies");
        }
        Path cut = root.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(file, file.length - 1));
        try (FileSpans spans = FileSpans.open(cut); InputStream in = Files.newInputStream(cut)) {
            assertFalse(LoadFile.readEntries(in, "key", spans).isPresent(), "a body passed over must still be in the file");
        }
    }
}
