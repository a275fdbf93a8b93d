package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.content.LoadCache;
import io.answersite.render.RenderCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilds for the preview: only what a change reaches is read and rendered again, and nothing differs. */
class IncrementalBuildTest {

    @TempDir
    Path root;

    private Path site() {
        return TestSites.exampleSite(root);
    }

    @Test
    void aChangeToOneAnswerRendersOnlyThePagesThatShowItAndMatchesAFullBuild() throws IOException {
        Path site = site();
        Answersite answersite = new Answersite();
        LoadCache loads = new LoadCache();
        RenderCache renders = new RenderCache();
        BuildRequest request = TestSites.request(site);

        Answersite.Preview first = answersite.preview(request, loads, renders);
        assertEquals(List.of(), first.result().diagnostics());
        assertEquals(12, first.result().pages().renderedPaths().size(), "a first build renders every page");
        assertEquals(6, loads.takeMisses(), "and reads every file");

        Answersite.Preview unchanged = answersite.preview(request, loads, renders);
        assertEquals(List.of(), unchanged.result().pages().renderedPaths(), "nothing changed, nothing rendered");
        assertEquals(0, loads.takeMisses(), "nothing changed, nothing read");

        Path answer = site.resolve("content/answers/rate-limits.md");
        Files.writeString(answer, Files.readString(answer).replace("retry with exponential backoff",
                "retry with exponential backoff and jitter"));
        Files.setLastModifiedTime(answer, FileTime.fromMillis(Files.getLastModifiedTime(answer).toMillis() + 2000));
        Answersite.Preview changed = answersite.preview(request, loads, renders);
        assertEquals(1, loads.takeMisses(), "one file read again");
        assertEquals(List.of("answers/api-key-storage/index.html", "answers/index.html", "answers/rate-limits/index.html",
                        "index.html", "topics/api-basics/index.html"), changed.result().pages().renderedPaths(),
                "the answer, and the pages that show its short answer: hub, list, topic, a 'more answers' card");
        assertTrue(new String(changed.files().get("answers/rate-limits/index.html")).contains("and jitter"));

        BuildResult full = answersite.build(request);
        assertEquals(List.of(), full.diagnostics());
        Map<String, byte[]> built = TestSites.snapshot(site.resolve("target/site"));
        assertEquals(built.keySet(), changed.files().files().keySet());
        built.forEach((path, bytes) -> assertArrayEquals(bytes, changed.files().get(path), path));
    }
}
