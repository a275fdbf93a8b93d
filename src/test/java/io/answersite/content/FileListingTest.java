package io.answersite.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileListingTest {

    @TempDir
    Path content;

    private final FileListing listing = new FileListing();
    private final AtomicInteger walks = new AtomicInteger();
    private Path answer;

    @BeforeEach
    void aContentFolder() throws IOException {
        answer = write("answers/cors.md", "one");
        write("guides/dns.md", "two");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private SortedMap<Path, BasicFileAttributes> list() {
        return listing.list(content, () -> {
            walks.incrementAndGet();
            return ContentLoader.markdownFiles(content);
        });
    }

    private List<String> names(SortedMap<Path, BasicFileAttributes> listed) {
        return listed.keySet().stream().map(p -> content.relativize(p).toString().replace('\\', '/')).toList();
    }

    /** Listing, reporting once, and listing again: the state in which reports replace walks. */
    private void tracking() {
        list();
        listing.reported(Set.of(answer));
        list();
        walks.set(0);
    }

    @Test
    void withoutReportsEveryListingWalksTheFolder() {
        list();
        list();
        assertEquals(2, walks.get());
    }

    @Test
    void aListingWithoutReportsIsNotHeldAfterIt() {
        list();
        assertFalse(listing.holdsListing());
        tracking();
        assertTrue(listing.holdsListing());
    }

    @Test
    void theListingAfterTheFirstReportWalksAndLaterOnesTakeTheReports() throws IOException {
        list();
        listing.reported(Set.of(answer));
        list();
        assertEquals(2, walks.get(), "the first report says nothing of what changed before it");
        Files.writeString(answer, "one, longer");
        Files.setLastModifiedTime(answer, FileTime.fromMillis(1_000_000));
        listing.reported(Set.of(answer));
        SortedMap<Path, BasicFileAttributes> listed = list();
        assertEquals(2, walks.get());
        assertEquals(11, listed.get(answer).size());
        assertEquals(1_000_000, listed.get(answer).lastModifiedTime().toMillis());
    }

    @Test
    void createdAndDeletedFilesComeAndGo() throws IOException {
        tracking();
        Path created = write("answers/tls.md", "three");
        write("notes.txt", "not a page");
        Files.delete(content.resolve("guides/dns.md"));
        listing.reported(Set.of(created, content.resolve("guides/dns.md"), content.resolve("notes.txt"),
                content.resolve("answers/.cors.md.swp")));
        assertEquals(List.of("answers/cors.md", "answers/tls.md"), names(list()));
        assertEquals(0, walks.get());
    }

    @Test
    void aReportedFolderOrTheContentFolderItselfMeansAWalk() throws IOException {
        tracking();
        Path folder = content.resolve("checklists");
        write("checklists/deploy.md", "four");
        listing.reported(Set.of(folder));
        assertEquals(List.of("answers/cors.md", "checklists/deploy.md", "guides/dns.md"), names(list()));
        assertEquals(1, walks.get());
        listing.reported(Set.of(content));
        list();
        assertEquals(2, walks.get());
    }

    @Test
    void aPathThatIsGoneAndWasNoMarkdownFileMeansAWalk() throws IOException {
        tracking();
        Files.delete(content.resolve("guides/dns.md"));
        Files.delete(content.resolve("guides"));
        listing.reported(Set.of(content.resolve("guides")));
        assertEquals(List.of("answers/cors.md"), names(list()));
        assertEquals(1, walks.get());
    }

    @Test
    void aMarkdownFileReportedOutsideTheFolderAsListedMeansAWalk() throws IOException {
        tracking();
        listing.reported(Set.of(content.getParent().resolve("elsewhere/answers/cors.md")));
        list();
        assertEquals(1, walks.get(), "perhaps the folder under another name (a link): only a walk can tell");
    }

    @Test
    void aChangeReportedUnderTheFoldersRealPathIsReadAsUnderTheFolder() throws IOException {
        Path link = content.getParent().resolve("content-link-" + System.nanoTime());
        try {
            Files.createSymbolicLink(link, content);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links on this file system: " + e);
        }
        try {
            FileListing viaLink = new FileListing();
            viaLink.list(link, () -> ContentLoader.markdownFiles(link));
            viaLink.reported(Set.of(link.resolve("answers/cors.md")));
            viaLink.list(link, () -> ContentLoader.markdownFiles(link));
            Path created = write("answers/tls.md", "three");
            viaLink.reported(Set.of(created.toRealPath()));
            SortedMap<Path, BasicFileAttributes> listed = viaLink.list(link, () -> {
                walks.incrementAndGet();
                return ContentLoader.markdownFiles(link);
            });
            assertEquals(0, walks.get());
            assertTrue(listed.containsKey(link.resolve("answers/tls.md")), listed.keySet().toString());
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void reportsOutsideTheContentFolderChangeNothing() throws IOException {
        tracking();
        listing.reported(Set.of(content.getParent().resolve("site.yml")));
        assertEquals(List.of("answers/cors.md", "guides/dns.md"), names(list()));
        assertEquals(0, walks.get());
    }
}
