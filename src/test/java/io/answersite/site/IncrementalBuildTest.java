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

    private static final List<String> ALL_PAGES = List.of("every page");

    /** One edit to a file of the example site, and the pages that show what it changes. */
    private record EditCase(String file, String from, String to, List<String> shownOn) {
    }

    @Test
    void eachKindOfEditRendersExactlyThePagesThatShowWhatChanged() throws IOException {
        List<EditCase> edits = List.of(
                new EditCase("content/glossary/api-key.md", "decides what it may do", "decides what it may call",
                        List.of("glossary/api-key/index.html", "glossary/index.html", "topics/api-basics/index.html")),
                // the description is the note of a related item that has none of its own
                new EditCase("content/glossary/api-key.md", "description: A secret string",
                        "description: A secret token",
                        List.of("answers/api-key-storage/index.html", "glossary/api-key/index.html")),
                new EditCase("content/checklists/launch.md", "The key is not in the repository",
                        "The key is in no repository", List.of("checklists/launch/index.html")),
                new EditCase("content/checklists/launch.md", "Go through this list", "Work through this list",
                        List.of("checklists/launch/index.html")),
                // members name their topic in breadcrumbs and cards; the hub groups answers under it
                new EditCase("content/topics/api-basics.md", "title: API basics", "title: API fundamentals",
                        List.of("answers/api-key-storage/index.html", "answers/rate-limits/index.html",
                                "checklists/launch/index.html", "glossary/api-key/index.html", "index.html",
                                "topics/api-basics/index.html", "topics/index.html")),
                new EditCase("content/answers/rate-limits.md", "for everyone", "for everybody",
                        List.of("answers/rate-limits/index.html")),
                // two answers: one "more answer" each either way
                new EditCase("site/site.yml", "more_answers: 3", "more_answers: 1", List.of()),
                new EditCase("site/site.yml", "title: Example Answers", "title: Example Answer Center", ALL_PAGES));
        Path site = site();
        Answersite answersite = new Answersite();
        LoadCache loads = new LoadCache();
        RenderCache renders = new RenderCache();
        BuildRequest request = TestSites.request(site);
        Answersite.Preview first = answersite.preview(request, loads, renders);
        assertEquals(List.of(), first.result().diagnostics());
        List<String> wrong = new java.util.ArrayList<>();
        for (EditCase edit : edits) {
            Path file = site.resolve(edit.file());
            String text = Files.readString(file);
            assertTrue(text.contains(edit.from()), edit.file() + " holds " + edit.from());
            Files.writeString(file, text.replace(edit.from(), edit.to()));
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
            Answersite.Preview changed = answersite.preview(request, loads, renders);
            assertEquals(List.of(), changed.result().diagnostics(), edit.toString());
            List<String> expected = edit.shownOn() == ALL_PAGES ? first.result().pages().renderedPaths() : edit.shownOn();
            if (!expected.equals(changed.result().pages().renderedPaths())) {
                wrong.add(edit.file() + " '" + edit.from() + "': expected " + edit.shownOn() + " but rendered "
                        + changed.result().pages().renderedPaths());
            }
        }
        assertEquals(List.of(), wrong);
    }
}
