package io.answersite.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file's path under a folder read off their text is what {@code Path.relativize} gives, whatever the paths. */
class RelativePathsTest {

    private static String relativized(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    @Test
    void everyPairOfPathsGivesWhatRelativizeGives() {
        List<String> folders = List.of("/site/content", "site/content", "/site/./content", "/site/x/../content", "/", "content");
        List<String> files = List.of("/site/content/answers/a.md", "site/content/answers/a.md", "/site/content2/a.md",
                "/site/content/../content/answers/a.md", "/site/content/./answers/a.md", "/site/content",
                "/site/content/.hidden/a.md", "/site/content/answers/..md", "content/_index.md");
        for (String folder : folders) {
            for (String file : files) {
                Path base = Path.of(folder);
                Path path = Path.of(file);
                if (base.isAbsolute() != path.isAbsolute()) {
                    continue; // relativize refuses those
                }
                assertEquals(relativized(base, path), RelativePaths.of(base, path), folder + " / " + file);
            }
        }
    }

    @Test
    void onlyPlainPathsUnderTheFolderAreReadOffTheirText() {
        Path folder = Path.of("/site/content");
        assertEquals("answers/a.md", RelativePaths.plain(folder, Path.of("/site/content/answers/a.md")));
        assertEquals(".hidden/a.md", RelativePaths.plain(folder, Path.of("/site/content/.hidden/a.md")));
        assertNull(RelativePaths.plain(folder, Path.of("/site/content2/a.md")));
        assertNull(RelativePaths.plain(folder, Path.of("/site/content/../x/a.md")));
        assertNull(RelativePaths.plain(folder, Path.of("/site/content")));
        assertNull(RelativePaths.plain(Path.of("/site/./content"), Path.of("/site/./content/a.md")));
    }

    @Test
    void aLabelIsThePathUnderTheSiteRootAsBeforeWithDotsNormalizedFirst() {
        SourceReader reader = new SourceReader(Path.of("/site"));
        assertEquals("content/answers/a.md", reader.label(Path.of("/site/content/answers/a.md")));
        assertEquals("/other/a.md", reader.label(Path.of("/site/../other/a.md")));
        assertEquals("content/a.md", reader.label(Path.of("/site/x/../content/a.md")));
    }
}
