package io.answersite.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.answersite.TestSites;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emitted files of the fixture site (src/test/resources/sites/golden) against golden copies in
 * src/test/resources/golden. After an intended change, regenerate them with
 * {@code mvn test -Dtest=GoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {

    private static final Path FIXTURE = TestSites.repositoryRoot().resolve("src/test/resources/sites/golden");
    private static final Path GOLDEN = TestSites.repositoryRoot().resolve("src/test/resources/golden");

    @TempDir
    static Path output;

    @BeforeAll
    static void build() {
        BuildRequest request = BuildRequest.forSite(FIXTURE, TestSites.TODAY).withOutputDir(output.resolve("site"));
        assertEquals(List.of(), new Answersite().build(request).diagnostics());
    }

    @org.junit.jupiter.api.Test
    void draftsAliasesAndTheNotFoundPageAreNotListed() throws IOException {
        Path site = output.resolve("site");
        assertTrue(Files.exists(site.resolve("terms/api-key/index.html")), "the alias page exists");
        for (String file : List.of("sitemap.xml", "llms.txt", "llms.json", "feed.xml")) {
            String text = Files.readString(site.resolve(file), StandardCharsets.UTF_8);
            assertFalse(text.contains("upcoming"), file + " lists a draft");
            assertFalse(text.contains("terms/api-key"), file + " lists an alias");
            assertFalse(text.contains("404"), file + " lists the 404 page");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"llms.txt", "zh-cn/llms.txt", "llms.json", "sitemap.xml", "feed.xml", "robots.txt",
            "answers/rate-limits/index.md", "zh-cn/answers/rate-limits/index.md", "checklists/launch/index.md",
            "answers/rate-limits/jsonld.json", "checklists/launch/jsonld.json", "index/jsonld.json", "_headers",
            "_redirects", "answers/index.md", "glossary/index.md", "topics/index.md", "zh-cn/guides/index.md"})
    void emittedFileMatchesItsGoldenCopy(String name) throws IOException {
        String actual = actual(name);
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, name);
    }

    /** The file as written, or for {@code …/jsonld.json} the page's JSON-LD, pretty-printed for review. */
    private static String actual(String name) throws IOException {
        Path site = output.resolve("site");
        if (!name.endsWith("jsonld.json")) {
            return Files.readString(site.resolve(name), StandardCharsets.UTF_8);
        }
        String page = name.replace("jsonld.json", "index.html").replace("index/index.html", "index.html");
        String json = Jsoup.parse(Files.readString(site.resolve(page), StandardCharsets.UTF_8))
                .selectFirst("script[type=application/ld+json]").data();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        return mapper.writeValueAsString(mapper.readTree(json)) + "\n";
    }
}
