package io.answersite.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.cache.LoadFile;
import io.answersite.diagnostic.Rules;
import io.answersite.render.RenderCache;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import io.answersite.text.ParkedBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load cache a build keeps on disk: it survives a round trip, and it trusts bytes, not time stamps. */
class LoadCacheTest {

    @TempDir
    Path root;

    private static LoadCache roundTrip(LoadCache cache, String key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoadFile.write(bytes, cache, key);
        return LoadFile.read(new ByteArrayInputStream(bytes.toByteArray()), key);
    }

    @Test
    void aCacheReadBackFromDiskReadsNoFileAgainAndGivesTheSameSite() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        Answersite answersite = new Answersite();
        LoadCache first = LoadCache.byContent();
        Answersite.Preview before = answersite.preview(request, first, new RenderCache());
        assertEquals(6, first.takeMisses());

        LoadCache restored = roundTrip(first, "key");
        Answersite.Preview after = answersite.preview(request, restored, new RenderCache());

        assertEquals(0, restored.takeMisses(), "every file came from the cache");
        assertEquals(before.files().files().keySet(), after.files().files().keySet());
        before.files().files().forEach((path, bytes) -> assertArrayEquals(bytes, after.files().get(path), path));
    }

    @Test
    void aFileChangedWithItsSizeAndTimeKeptIsReadAgain() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        Answersite answersite = new Answersite();
        LoadCache cache = LoadCache.byContent();
        answersite.preview(request, cache, new RenderCache());
        cache.takeMisses();
        Path answer = site.resolve("content/answers/rate-limits.md");
        FileTime time = Files.getLastModifiedTime(answer);
        String text = Files.readString(answer);
        assertTrue(text.contains("exponential backoff"));
        Files.writeString(answer, text.replace("exponential backoff", "exponential backof!"));
        Files.setLastModifiedTime(answer, time);

        Answersite.Preview changed = answersite.preview(request, roundTrip(cache, "key"), new RenderCache());

        assertTrue(new String(changed.files().get("answers/rate-limits/index.html")).contains("backof!"));
    }

    @Test
    void aCacheUnderAnotherKeyIsEmpty() throws IOException {
        Path site = TestSites.exampleSite(root);
        LoadCache cache = LoadCache.byContent();
        new Answersite().preview(TestSites.request(site), cache, new RenderCache());
        cache.takeMisses();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoadFile.write(bytes, cache, "plugin 1, site.yml A");

        LoadCache other = LoadFile.read(new ByteArrayInputStream(bytes.toByteArray()), "plugin 1, site.yml B");
        new Answersite().preview(TestSites.request(site), other, new RenderCache());

        assertEquals(6, other.takeMisses(), "another configuration loads every file again");
    }

    @Test
    void aCacheFileWrittenWithJavaSerializationByAnEarlierPluginIsIgnored() throws IOException {
        Path site = TestSites.exampleSite(root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeUTF("key");
            out.writeObject(new HashMap<>(Map.of("content/answers/a.md", new java.io.File("/etc/passwd"))));
        }

        LoadCache old = LoadFile.read(new ByteArrayInputStream(bytes.toByteArray()), "key");
        new Answersite().preview(TestSites.request(site), old, new RenderCache());

        assertEquals(6, old.takeMisses(), "every file is read again");
    }

    @Test
    void pagesReadWhileBodiesAreParkedBuildTheSameSiteAndNoPageWithASecretGoesToTheFile() throws IOException {
        Path site = TestSites.exampleSite(root.resolve("site"));
        String paragraph = "\n" + "Store the key in a secret manager and rotate it every quarter. ".repeat(12) + "\n";
        Path checklist = site.resolve("content/checklists/launch.md");
        Files.writeString(checklist, Files.readString(checklist) + paragraph);
        Path answer = site.resolve("content/answers/rate-limits.md");
        String token = "gh" + "p_" + "aB3dE5fG7hJ9kLmN2pQ4rS6tU8vWxYz0A1bC"; // assembled: no secret in the repository
        Files.writeString(answer, Files.readString(answer) + paragraph + "\nThe token " + token + " leaked.\n");
        BuildRequest request = TestSites.request(site);
        Answersite answersite = new Answersite();
        Answersite.Preview onHeap = answersite.preview(request, LoadCache.byContent(), new RenderCache());
        assertTrue(onHeap.result().diagnostics().stream().anyMatch(d -> Rules.findsSecret(d.ruleId())), "the token is found");

        LoadCache cache = LoadCache.byContent();
        try (ParkedBytes store = ParkedBytes.in(root.resolve("parked"), 0)) {
            cache.parkBodiesIn(store);
            Answersite.Preview parked = answersite.preview(request, cache, new RenderCache());

            assertEquals(onHeap.files().files().keySet(), parked.files().files().keySet());
            onHeap.files().files().forEach((path, bytes) -> assertArrayEquals(bytes, parked.files().get(path), path));
            List<Path> files;
            try (Stream<Path> listed = Files.list(root.resolve("parked"))) {
                files = listed.toList();
            }
            assertEquals(1, files.size());
            String kept = Files.readString(files.get(0));
            assertTrue(kept.contains("rotate it every quarter"), "the checklist's body is in the file");
            assertFalse(kept.contains(token), "the answer with the token stays on the heap");
            assertFalse(kept.contains("protect the service for everyone"));
        }
    }
}
