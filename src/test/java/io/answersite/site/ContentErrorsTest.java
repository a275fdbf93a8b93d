package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.answersite.TestSites;
import io.answersite.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One smallest invalid site per content error, each asserting the exact report line: position,
 * severity, message and rule id. The sites are the shared test site.yml and topic plus the files
 * written here.
 */
class ContentErrorsTest {

    @TempDir
    Path root;

    private List<String> build(String files) {
        TestSites.write(root, TestSites.SITE_YML + files);
        BuildResult result = new Answersite().build(TestSites.request(root));
        assertFalse(result.written(), "a build with errors writes nothing");
        assertFalse(Files.exists(root.resolve("target/site")), "no output folder appears");
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    private static final String VALID_ANSWER_KEYS = """
            description: Why it fails.
            date: 2026-02-01
            topic: network
            answer: Because.
            """;

    @Test
    void reportsYamlSyntaxErrorAtItsLineInTheFile() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                description: [unclosed
                date: 2026-02-01
                ---
                """);
        assertEquals(List.of("content/answers/a.md:4:5: error: invalid YAML: expected ',' or ']', but got :"
                + " (while parsing a flow sequence); a value that starts with '[' or '{' is read as a list or mapping:"
                + " put text in quotes [yaml-syntax]"), lines);
    }

    @Test
    void reportsMissingRequiredKeyAtTheOpeningFence() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                description: Why it fails.
                date: 2026-02-01
                topic: network
                ---
                """);
        assertEquals(List.of("content/answers/a.md:1:1: error: missing required key 'answer'; add 'answer: text'"
                + " to the front matter [front-matter-required]"), lines);
    }

    @Test
    void reportsIllTypedKeyAtItsValue() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                """ + VALID_ANSWER_KEYS + """
                tags: {first: 1}
                basis:
                  - one
                  - [nested]
                ---
                """);
        assertEquals(List.of(
                "content/answers/a.md:7:7: error: 'tags' must be a list of strings, not a mapping [front-matter-type]",
                "content/answers/a.md:10:5: error: each item of 'basis' must be a string, not a list [front-matter-type]"),
                lines);
    }

    @Test
    void reportsUnknownKeyWithDidYouMean() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                """ + VALID_ANSWER_KEYS + """
                next_step:
                  - Retry.
                ---
                """);
        assertEquals(List.of("content/answers/a.md:7:1: error: unknown key 'next_step' for an answer page;"
                + " did you mean 'next_steps'? [front-matter-unknown-key]"), lines);
    }

    @Test
    void reportsIdThatBreaksThePattern() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                id: Why_It_Fails
                title: Why?
                """ + VALID_ANSWER_KEYS + """
                ---
                -- content/answers/Bad Name.md --
                ---
                title: Why?
                """ + VALID_ANSWER_KEYS + """
                ---
                """);
        assertEquals(List.of(
                "content/answers/Bad Name.md:1:1: error: the file name gives the id 'Bad Name', which must match"
                        + " [a-z0-9][a-z0-9-]*; rename the file (for example to 'bad-name.md') or set 'id:' [id-pattern]",
                "content/answers/a.md:2:5: error: id 'Why_It_Fails' must match [a-z0-9][a-z0-9-]* (lower-case letters,"
                        + " digits and '-'), for example 'why-it-fails' [id-pattern]"),
                lines);
    }

    @Test
    void reportsDuplicateIdAtBothPagesEachNamingTheOther() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                """ + VALID_ANSWER_KEYS + """
                ---
                -- content/answers/b.md --
                ---
                id: a
                title: Why again?
                """ + VALID_ANSWER_KEYS + """
                ---
                """);
        assertEquals(List.of(
                "content/answers/a.md:1:1: error: duplicate id 'a' for an answer in en: content/answers/b.md:2:5 uses it"
                        + " too; give one of them another id [id-duplicate]",
                "content/answers/b.md:2:5: error: duplicate id 'a' for an answer in en: content/answers/a.md:1:1 uses it"
                        + " too; give one of them another id [id-duplicate]"), lines);
    }

    @Test
    void reportsEachOfThreePagesSharingAnIdNamingTheOtherTwo() {
        List<String> lines = build("""
                -- content/guides/g.md --
                ---
                title: Guide
                description: Long.
                date: 2026-02-01
                topic: network
                ---
                -- content/guides/h.md --
                ---
                title: Guide h
                id: g
                description: Long.
                date: 2026-02-01
                topic: network
                ---
                -- content/guides/i.md --
                ---
                id: g
                title: Guide i
                description: Long.
                date: 2026-02-01
                topic: network
                ---
                """);
        assertEquals(List.of(
                "content/guides/g.md:1:1: error: duplicate id 'g' for a guide in en: content/guides/h.md:3:5 and"
                        + " content/guides/i.md:2:5 use it too; give all but one of them another id [id-duplicate]",
                "content/guides/h.md:3:5: error: duplicate id 'g' for a guide in en: content/guides/g.md:1:1 and"
                        + " content/guides/i.md:2:5 use it too; give all but one of them another id [id-duplicate]",
                "content/guides/i.md:2:5: error: duplicate id 'g' for a guide in en: content/guides/g.md:1:1 and"
                        + " content/guides/h.md:3:5 use it too; give all but one of them another id [id-duplicate]"),
                lines);
    }

    @Test
    void reportsUnknownTopicWithTheClosestKnownOne() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                description: Why it fails.
                date: 2026-02-01
                topic: netwrok
                answer: Because.
                ---
                -- content/guides/g.md --
                ---
                title: Guide
                description: Long.
                date: 2026-02-01
                topic: billing
                ---
                """);
        assertEquals(List.of(
                "content/answers/a.md:5:8: error: unknown topic 'netwrok'; did you mean 'network'? [topic-unknown]",
                "content/guides/g.md:5:8: error: unknown topic 'billing'; known topics: network [topic-unknown]"),
                lines);
    }

    @Test
    void reportsDateThatIsNotADate() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                description: Why it fails.
                date: 2026-02-30
                updated: last week
                topic: network
                answer: Because.
                ---
                """);
        assertEquals(List.of(
                "content/answers/a.md:4:7: error: 'date' must be a date written YYYY-MM-DD, not '2026-02-30' [date-format]",
                "content/answers/a.md:5:10: error: 'updated' must be a date written YYYY-MM-DD, not 'last week' [date-format]"),
                lines);
    }

    @Test
    void reportsFileThatIsNotUtf8AtTheFirstBadByte() throws IOException {
        TestSites.write(root, TestSites.SITE_YML);
        byte[] latin1 = "---\ntitle: Caf\u00e9\n---\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.createDirectories(root.resolve("content/answers"));
        Files.write(root.resolve("content/answers/a.md"), latin1);
        List<String> lines = build("");
        assertEquals(List.of("content/answers/a.md:2:11: error: the file is not valid UTF-8 (byte 0xE9 here);"
                + " save it with UTF-8 encoding [encoding]"), lines);
    }

    @Test
    void reportsFileWithoutFrontMatter() {
        List<String> lines = build("""
                -- content/glossary/cors.md --
                # CORS

                Cross-origin resource sharing.
                """);
        assertEquals(List.of("content/glossary/cors.md:1:1: error: the file has no front matter; its first line must"
                + " be '---', followed by the keys (title, description, date and definition) and a closing '---'"
                + " [front-matter-missing]"), lines);
    }

    @Test
    void reportsEmptyFile() {
        List<String> lines = build("""
                -- content/answers/empty.md --
                """);
        assertEquals(List.of("content/answers/empty.md:1:1: error: the file is empty; a page starts with front matter"
                + " between '---' lines (title, description, date, topic and answer), then its Markdown body"
                + " [file-empty]"), lines);
    }

    @Test
    void reportsFrontMatterThatIsNeverClosed() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                """);
        assertEquals(List.of("content/answers/a.md:1:1: error: the front matter is not closed; add a line '---'"
                + " after its last key [front-matter-unclosed]"), lines);
    }

    @Test
    void reportsLinkToAPageThatDoesNotExist() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                """ + VALID_ANSWER_KEYS + """
                related:
                  - guide:network-guide
                ---

                See [the guide](../guides/missing.md#dns).
                """);
        assertEquals(List.of(
                "content/answers/a.md:8:5: error: 'guide:network-guide' names no guide page; there are no known guide ids"
                        + " [link-target]",
                "content/answers/a.md:11:5: error: link target '../guides/missing.md#dns' does not exist (no page at"
                        + " content/guides/missing.md); link to the .md file of an existing page, or use a typed"
                        + " reference such as guide:id [link-target]"),
                lines);
    }

    @Test
    void rejectsAliasThatLeavesTheSite() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                """ + VALID_ANSWER_KEYS + """
                aliases:
                  - /../../etc/passwd
                  - relative/path
                ---
                """);
        assertEquals(List.of(
                "content/answers/a.md:8:5: error: alias '/../../etc/passwd' is not a site path; write it like"
                        + " /old/path/ (no '..', '\\', '?', '#' or '//') [alias-path]",
                "content/answers/a.md:9:5: error: alias 'relative/path' is not a site path; write it like"
                        + " /old/path/ (no '..', '\\', '?', '#' or '//') [alias-path]"),
                lines);
    }

    @Test
    void reportsEveryErrorOfEveryFileInOneRun() {
        List<String> lines = build("""
                -- content/answers/a.md --
                ---
                title: Why?
                description: [unclosed
                ---
                -- content/answers/b.md --
                ---
                titel: Why?
                description: x
                date: 2026-02-01
                topic: network
                answer: Because.
                ---
                -- content/answers/c.md --
                -- content/guides/d.md --
                No front matter.
                """);
        assertEquals(List.of(
                "content/answers/a.md:3:14: error: invalid YAML: expected ',' or ']', but got <stream end> (while parsing"
                        + " a flow sequence); a value that starts with '[' or '{' is read as a list or mapping: put text"
                        + " in quotes [yaml-syntax]",
                "content/answers/b.md:1:1: error: missing required key 'title'; add 'title: text' to the front matter"
                        + " [front-matter-required]",
                "content/answers/b.md:2:1: error: unknown key 'titel' for an answer page; did you mean 'title'?"
                        + " [front-matter-unknown-key]",
                "content/answers/c.md:1:1: error: the file is empty; a page starts with front matter between '---'"
                        + " lines (title, description, date, topic and answer), then its Markdown body [file-empty]",
                "content/guides/d.md:1:1: error: the file has no front matter; its first line must be '---', followed"
                        + " by the keys (title, description, date and topic) and a closing '---' [front-matter-missing]"),
                lines);
    }
}
