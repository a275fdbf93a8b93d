package io.answersite.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCacheTest {

    private final AtomicInteger made = new AtomicInteger();

    private String make() {
        return "made " + made.incrementAndGet();
    }

    @Test
    void aMemoIsKeptWhileItsInputsAreEqualAndMadeAgainWhenTheyDiffer() {
        RenderCache cache = new RenderCache();
        String first = cache.memo("a/index.html", List.of("answer", 1), this::make);
        assertSame(first, cache.memo("a/index.html", List.of("answer", 1), this::make));
        assertEquals("made 2", cache.memo("a/index.html", List.of("answer", 2), this::make));
        assertEquals("made 2", cache.memo("a/index.html", List.of("answer", 2), this::make));
        assertEquals("made 3", cache.memo("b/index.html", List.of("answer", 2), this::make),
                "memos are per page");
        assertEquals(3, made.get());
    }

    @Test
    void pagesTheLastBuildDidNotProduceLoseTheirMemos() {
        RenderCache cache = new RenderCache();
        cache.memo("a/index.html", List.of(1), this::make);
        cache.memo("b/index.html", List.of(1), this::make);
        cache.retainOnly(List.of("b/index.html"));
        assertEquals("made 3", cache.memo("a/index.html", List.of(1), this::make));
        assertEquals("made 2", cache.memo("b/index.html", List.of(1), this::make));
    }

    @Test
    void aCacheOnDiskMakesEveryMemoAgain(@TempDir Path output) {
        RenderCache cache = RenderCache.published(output);
        cache.memo("a/index.html", List.of(1), this::make);
        assertEquals("made 2", cache.memo("a/index.html", List.of(1), this::make));
    }
}
