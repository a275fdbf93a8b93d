package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.cache.BuildCache;
import io.answersite.cache.FragmentFile;
import io.answersite.content.Kind;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache under target/: a build with no change is answered from it and touches nothing; a
 * change renders only the pages it reaches; whatever the cache holds, the output equals a clean
 * build's, byte for byte.
 */
class BuildCacheTest {

    @TempDir
    Path root;

    private final Answersite answersite = new Answersite();

    private static Path cacheOf(Path site) {
        return site.resolve("target/answersite-cache");
    }

    /** The one site's folder in the cache folder. */
    private static Path slotOf(Path site) throws IOException {
        try (Stream<Path> slots = Files.list(cacheOf(site))) {
            List<Path> all = slots.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static Map<String, Long> modificationTimes(Path folder) throws IOException {
        Map<String, Long> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                times.put(folder.relativize(path).toString(), Files.getLastModifiedTime(path).toMillis());
            }
        }
        return times;
    }

    /** The site built from scratch, without any cache, into a folder of its own. */
    private Map<String, byte[]> cleanBuildOf(Path site) throws IOException {
        return cleanBuildOf(site, true);
    }

    private Map<String, byte[]> cleanBuildOf(Path site, boolean withoutFindings) throws IOException {
        Path elsewhere = root.resolve("clean-" + System.nanoTime());
        BuildResult clean = answersite.build(TestSites.request(site).withOutputDir(elsewhere));
        if (withoutFindings) {
            assertEquals(List.of(), clean.diagnostics());
        }
        assertFalse(clean.failed());
        return TestSites.snapshot(elsewhere);
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "the fixture has '" + from + "'");
        Files.writeString(file, text.replace(from, to));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
    }

    @Test
    void aSecondBuildWithNoChangeIsAnsweredFromTheCacheAndTouchesNoFile() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        BuildResult first = answersite.build(request, cacheOf(site));
        assertFalse(first.upToDate());
        assertTrue(Files.isRegularFile(slotOf(site).resolve("site.bin")));
        Map<String, Long> times = modificationTimes(site.resolve("target/site"));

        BuildResult second = answersite.build(request, cacheOf(site));

        assertTrue(second.upToDate(), second.summary());
        assertEquals(0, second.changedFiles());
        assertEquals(first.pages().toString(), second.pages().toString(), "the same page counts are reported");
        assertEquals(first.diagnostics(), second.diagnostics());
        assertEquals(List.of("fingerprint"), List.copyOf(second.times().millis().keySet()), "nothing is loaded");
        assertEquals(times, modificationTimes(site.resolve("target/site")), "no file is written");
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void warningsOfTheLastBuildAreReportedAgainWhenItIsUpToDate() throws IOException {
        Path site = TestSites.exampleSite(root);
        Path answer = site.resolve("content/answers/rate-limits.md");
        edit(answer, "and what to do.", "and what to do, " + "in more words than a search result shows. ".repeat(4));
        BuildResult first = answersite.build(TestSites.request(site), cacheOf(site));
        BuildResult second = answersite.build(TestSites.request(site), cacheOf(site));
        assertTrue(second.upToDate());
        assertFalse(first.diagnostics().isEmpty(), "the fixture edit gives a warning");
        assertEquals(first.diagnostics(), second.diagnostics());
    }

    @Test
    void aChangeToOneAnswerRendersOnlyThePagesThatShowItAndMatchesACleanBuild() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics());

        edit(site.resolve("content/answers/rate-limits.md"), "retry with exponential backoff",
                "retry with exponential backoff and jitter");
        BuildResult changed = answersite.build(request, cacheOf(site));

        assertFalse(changed.upToDate());
        assertEquals(List.of("answers/api-key-storage/index.html", "answers/index.html", "answers/rate-limits/index.html",
                        "index.html", "topics/api-basics/index.html"), changed.pages().renderedPaths(),
                "the answer, and the pages that show its short answer: hub, list, topic, a 'more answers' card");
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void aChangeToOneAnswerMakesTheViewsOnlyOfPagesThatReadItTheRestIsTakenBackByTheDigestOfTheirInputs()
            throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        BuildResult first = answersite.build(request, cacheOf(site));
        assertEquals(List.of(), first.diagnostics());
        assertEquals(first.pages().templates().keySet().stream().filter(path -> !path.equals("404.html")).sorted()
                .toList(), first.pages().viewedPaths(), "a first build makes every view (the 404 page has none)");

        edit(site.resolve("content/answers/rate-limits.md"), "retry with exponential backoff",
                "retry with exponential backoff and jitter");
        BuildResult changed = answersite.build(request, cacheOf(site));

        assertEquals(List.of("answers/api-key-storage/index.html", "answers/index.html",
                        "answers/rate-limits/index.html", "index.html", "search/index.html",
                        "topics/api-basics/index.html"),
                changed.pages().viewedPaths(),
                "the answer, the pages that show it (its topic, a 'more answers' card, list, hub), and the pages"
                        + " that are always made (search, 404)");
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    /**
     * An edit of texts an answer shows only on its own page leaves the graph as it was: the pages that
     * did not read the answer's record are taken back with the inputs the last build recorded, without
     * their inputs being made; the others are compared as before, and the site is a clean build's.
     */
    @Test
    void anEditOfAnAnswersOwnTextsMakesTheInputsOnlyOfThePagesThatReadTheAnswer() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        BuildResult first = answersite.build(request, cacheOf(site));
        assertEquals(List.of(), first.diagnostics());
        List<String> contentPages = first.pages().templates().entrySet().stream()
                .filter(page -> List.of("answer", "guide", "checklist", "glossary-term", "topic").contains(page.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(contentPages, first.pages().inputsMadePaths(), "a first build makes every content page's inputs");

        edit(site.resolve("content/answers/rate-limits.md"), "retry with exponential backoff",
                "retry with exponential backoff and jitter");
        BuildResult changed = answersite.build(request, cacheOf(site));

        assertEquals(List.of("answers/api-key-storage/index.html", "answers/rate-limits/index.html",
                        "topics/api-basics/index.html"), changed.pages().inputsMadePaths(),
                "the answer, its topic and the answer that shows it as a 'more answers' card, not the "
                        + contentPages.size() + " others (lists and the hub are compared by their own inputs)");
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));

        // a title is structure (lists are sorted by it): every page's inputs are made again
        edit(site.resolve("content/answers/rate-limits.md"), "title: ", "title: Edited ");
        BuildResult retitled = answersite.build(request, cacheOf(site));
        assertEquals(first.pages().inputsMadePaths(), retitled.pages().inputsMadePaths());
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void anEditOfOwnTextsFindsTheEditedFilesPageRulesAgainWhereTheyMovedAndKeepsTheOthersFindings()
            throws IOException {
        Path site = TestSites.exampleSite(root);
        edit(site.resolve("site/site.yml"), "more_answers: 3",
                "more_answers: 3\nrelated_reciprocal: true\nlimits:\n  description_max_chars: 20");
        BuildRequest request = TestSites.request(site);
        BuildResult first = answersite.build(request, cacheOf(site));
        assertTrue(first.diagnostics().stream().filter(d -> d.ruleId().equals("description-length")).count() > 3,
                "every page's description is over 20 characters");
        assertEquals(List.of("content/answers/rate-limits.md:16:10", "content/answers/rate-limits.md:18:5"),
                oneWay(first), "the glossary term and the other answer do not link back");

        // the short answer spread over two lines: only an own text and positions changed, so the page rules
        // are found again for this file alone, below the new line; the other files' findings are kept
        edit(site.resolve("content/answers/rate-limits.md"), "answer: A 429 means", "answer: >-\n  A 429 always means");
        BuildResult changed = answersite.build(request, cacheOf(site));

        assertEquals(formatted(answersite.check(request).diagnostics()), formatted(changed.diagnostics()));
        assertEquals(List.of("content/answers/rate-limits.md:17:10", "content/answers/rate-limits.md:19:5"),
                oneWay(changed));
        assertSameFiles(cleanBuildOf(site, false), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void anEditOfOwnTextsStillFindsAnInvalidUrlAddedToTheEditedBody() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics());

        // a text edit, links unchanged: the graph's edges are the last build's, but the body's URLs are texts
        edit(site.resolve("content/answers/rate-limits.md"), "Rate limits protect the service for everyone.",
                "Rate limits protect the service for everyone (see https://:80/status).");
        BuildResult invalid = answersite.build(request, cacheOf(site));

        assertTrue(invalid.failed());
        assertEquals(List.of("content/answers/rate-limits.md:23:51: error: 'https://:80/status' is not a valid URL"
                + " (no host); encode spaces as %20 and check the host [link-external]"), formatted(invalid.diagnostics()));
        assertEquals(formatted(answersite.check(request).diagnostics()), formatted(invalid.diagnostics()));
    }

    @Test
    void anEditedRelatedNoteIsShownWhereverTheGraphsKeptEdgesCarryIt() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics());

        // a related item's note is a text the answer shows of itself, but the graph's related items carry it
        edit(site.resolve("content/answers/rate-limits.md"), "    note: What a key is and where to keep it.",
                "    note: >-\n      What a key is, and where it is kept.");
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics());

        Map<String, byte[]> built = TestSites.snapshot(site.resolve("target/site"));
        assertTrue(new String(built.get("answers/rate-limits/index.html"), java.nio.charset.StandardCharsets.UTF_8)
                .contains("What a key is, and where it is kept."));
        assertSameFiles(cleanBuildOf(site), built);
    }

    @Test
    void anEditOfOwnTextsStillFindsAFileOfTheContentFolderThatAnUnchangedPageLinksAndThatWentAway()
            throws IOException {
        Path site = TestSites.exampleSite(root);
        Files.write(site.resolve("content/answers/limits.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        edit(site.resolve("content/answers/rate-limits.md"), "Rate limits protect the service for everyone.",
                "Rate limits protect the service for everyone: ![the window](limits.png).");
        BuildRequest request = TestSites.request(site);
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics());

        // the other answer's own text changes, and the image the first one shows is deleted
        edit(site.resolve("content/answers/api-key-storage.md"), "answer: Keep the key on your server",
                "answer: Always keep the key on your server");
        Files.delete(site.resolve("content/answers/limits.png"));
        BuildResult missing = answersite.build(request, cacheOf(site));

        assertTrue(missing.failed());
        assertEquals(formatted(answersite.check(request).diagnostics()), formatted(missing.diagnostics()));
        assertEquals(List.of(Rules.LINK_FILE), missing.diagnostics().stream()
                .map(io.answersite.diagnostic.Diagnostic::ruleId).toList());
    }

    private static List<String> oneWay(BuildResult result) {
        return result.diagnostics().stream().filter(d -> d.ruleId().equals("related-oneway")
                && d.pos().path().endsWith("rate-limits.md")).map(d -> d.pos().toString()).toList();
    }

    private static List<String> formatted(List<io.answersite.diagnostic.Diagnostic> diagnostics) {
        return diagnostics.stream().map(io.answersite.diagnostic.Diagnostic::format).toList();
    }

    /**
     * A failed build keeps what it loaded (the fix re-reads one file), but renders nothing: the build
     * after it must not take a display-only fix for the only change since the pages were rendered.
     */
    @Test
    void aStructuralChangeInAFailedBuildIsRenderedByTheBuildThatFixesItEvenWithAnOwnTextFix() throws IOException {
        Path site = TestSites.exampleSite(root);
        edit(site.resolve("site/site.yml"), "more_answers: 3", "more_answers: 3\nrules:\n  answer-length: error\n"
                + "limits:\n  answer_max_length: 40");
        BuildRequest request = TestSites.request(site);
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics().stream()
                .filter(d -> d.severity().name().equals("ERROR")).toList());

        edit(site.resolve("content/answers/rate-limits.md"), "title: ", "title: Edited "); // lists show it
        Path other = site.resolve("content/answers/api-key-storage.md");
        String before = Files.readString(other);
        edit(other, "answer: ", "answer: " + "too long ".repeat(40));
        assertTrue(answersite.build(request, cacheOf(site)).failed(), "the short answer is over the limit");

        Files.writeString(other, before); // a fix of the answer's own text only
        BuildResult fixed = answersite.build(request, cacheOf(site));
        assertFalse(fixed.failed());
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    private static BuildRequest nextDay(BuildRequest request) {
        return new BuildRequest(request.siteRoot(), request.contentDir(), request.templatesDir(), request.staticDir(),
                request.configFile(), request.outputDir(), request.baseUrl(), request.includeDrafts(),
                request.today().plusDays(1));
    }

    @Test
    void anotherDayOrANewFileMakesEveryPagesInputsAgain() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        BuildResult first = answersite.build(request, cacheOf(site));
        assertEquals(List.of(), first.diagnostics());

        // which pages are published depends on the day: an answer dated in the future appears on it
        edit(site.resolve("content/answers/rate-limits.md"), "retry with exponential backoff",
                "retry with exponential backoff and jitter");
        BuildResult nextDay = answersite.build(nextDay(request), cacheOf(site));
        assertEquals(first.pages().inputsMadePaths(), nextDay.pages().inputsMadePaths());

        Files.writeString(site.resolve("content/answers/rate-limits-notes.png"), "not really an image");
        edit(site.resolve("content/answers/rate-limits.md"), "and jitter", "and some jitter");
        BuildResult withFile = answersite.build(nextDay(request), cacheOf(site));
        assertEquals(first.pages().inputsMadePaths(), withFile.pages().inputsMadePaths(),
                "a file beside the pages can change where a link leads");
    }

    /**
     * A clean build does not digest the views of pages the next build can take back by their inputs
     * (the cost of a digest for every page, for a comparison that build cannot make): a page whose
     * inputs then change is rendered again once, without a comparison, and from then on is compared
     * by its view like any other.
     */
    @Test
    void afterACleanBuildAPageWhoseInputsChangeButNotItsViewIsRenderedOnceThenTakenBackByItsView()
            throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics());
        Path related = site.resolve("content/answers/api-key-storage.md"); // a related item of rate-limits

        Files.writeString(related, "\nRotate a key that was ever committed.\n", StandardOpenOption.APPEND);
        BuildResult first = answersite.build(request, cacheOf(site));
        assertTrue(first.pages().renderedPaths().containsAll(List.of("answers/api-key-storage/index.html",
                "answers/rate-limits/index.html")), "its view was not digested by the clean build: "
                + first.pages().renderedPaths());

        Files.writeString(related, "\nAnd revoke the old one.\n", StandardOpenOption.APPEND);
        BuildResult second = answersite.build(request, cacheOf(site));
        assertEquals(List.of("answers/api-key-storage/index.html"), second.pages().renderedPaths(),
                "rate-limits reads the page but shows only its title: taken back by its view's digest");
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void aBuildThatHoldsNoFragmentKeepsTheSameOnesAndLeavesNoTemporaryFile() throws IOException {
        Path held = TestSites.exampleSite(root.resolve("held"));
        Path spilled = TestSites.exampleSite(root.resolve("spilled"));
        assertEquals(List.of(), answersite.build(TestSites.request(held), cacheOf(held)).diagnostics());
        BuildResult result = answersite.holdingFragments(0).build(TestSites.request(spilled), cacheOf(spilled));
        assertEquals(List.of(), result.diagnostics());

        Map<String, FragmentFile.Stored> kept = readFragments(held);
        Map<String, FragmentFile.Stored> keptAfterSpilling = readFragments(spilled);
        assertEquals(kept.keySet(), keptAfterSpilling.keySet());
        kept.forEach((key, entry) -> assertArrayEquals(entry.value(), keptAfterSpilling.get(key).value(), key));
        try (Stream<Path> files = Files.list(slotOf(spilled))) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".tmp"))
                    .toList(), "the spill's files are deleted at the end of the build");
        }
        assertSameFiles(TestSites.snapshot(held.resolve("target/site")),
                TestSites.snapshot(spilled.resolve("target/site")));
    }

    @Test
    void aBuildThatKeepsEveryBodyInAFileWritesTheSameSiteBeforeAndAfterAnEditAndLeavesNoTemporaryFile()
            throws IOException {
        Path held = TestSites.exampleSite(root.resolve("held"));
        Path parked = TestSites.exampleSite(root.resolve("parked"));
        Answersite parking = answersite.holdingBodies(0);
        for (Path site : List.of(held, parked)) { // long enough to be kept in the file
            Path checklist = site.resolve("content/checklists/launch.md");
            Files.writeString(checklist, Files.readString(checklist) + "\nRotate the key every quarter. ".repeat(30));
        }
        assertEquals(List.of(), answersite.build(TestSites.request(held), cacheOf(held)).diagnostics());
        assertEquals(List.of(), parking.build(TestSites.request(parked), cacheOf(parked)).diagnostics());
        assertSameFiles(TestSites.snapshot(held.resolve("target/site")),
                TestSites.snapshot(parked.resolve("target/site")));

        for (Path site : List.of(held, parked)) {
            edit(site.resolve("content/checklists/launch.md"), "every quarter", "every month");
        }
        assertEquals(List.of(), answersite.build(TestSites.request(held), cacheOf(held)).diagnostics());
        assertEquals(List.of(), parking.build(TestSites.request(parked), cacheOf(parked)).diagnostics());
        assertSameFiles(TestSites.snapshot(held.resolve("target/site")),
                TestSites.snapshot(parked.resolve("target/site")));
        try (Stream<Path> files = Files.list(slotOf(parked))) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".tmp"))
                    .toList(), "the file of bodies is deleted at the end of the build");
        }
    }

    @Test
    void thePerPagePiecesOfTheMachineFilesAreKeptWithTheDigestsOfWhatTheyWereMadeFrom() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        BuildResult first = answersite.build(request, cacheOf(site));
        assertEquals(List.of(), first.diagnostics());
        Map<String, FragmentFile.Stored> kept = readFragments(site);
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        kept.keySet().forEach(key -> kinds.add(key.substring(0, key.indexOf('\n'))));
        assertEquals(java.util.Set.of("files", "findings", "graph-edges", "graph-findings", "list-twin", "llms-item", "llms-json-entry", "question-duplicates",
                "search-chunk", "search-chunk-shards", "search-docs", "search-shard", "search-shards", "terms-used", "twin", "twin-hash"), kinds);
        assertEquals(Files.readString(site.resolve("target/site/search/en/d-0.json")),
                new String(kept.get("search-docs\nsearch/en/0").value(), java.nio.charset.StandardCharsets.UTF_8),
                "a chunk of the search index's documents is kept as written");
        assertEquals(Files.readString(site.resolve("target/site/answers/index.md")),
                new String(kept.get("list-twin\nanswers/").value(), java.nio.charset.StandardCharsets.UTF_8),
                "a list page's twin is kept as written");
        String twinKey = "twin\n" + new PageKey(Kind.ANSWER, "rate-limits", "en");
        String twin = new String(kept.get(twinKey).value(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Files.readString(site.resolve("target/site/answers/rate-limits/index.md")), twin);

        edit(site.resolve("content/answers/rate-limits.md"), "retry with exponential backoff",
                "retry with exponential backoff and jitter");
        answersite.build(request, cacheOf(site));
        Map<String, FragmentFile.Stored> after = readFragments(site);
        // a twin's hash is asked for only to make its page's llms.json entry, which is kept whole
        java.util.function.Predicate<String> notHash = key -> !key.startsWith("twin-hash\n");
        assertEquals(kept.keySet().stream().filter(notHash).toList(), after.keySet().stream().filter(notHash).toList());
        assertTrue(after.containsKey("twin-hash\n" + new PageKey(Kind.ANSWER, "rate-limits", "en")));
        assertFalse(java.util.Arrays.equals(kept.get(twinKey).source(), after.get(twinKey).source()),
                "the edited answer's twin was made from another file");
        String untouched = "twin\n" + new PageKey(Kind.GLOSSARY, "api-key", "en");
        assertArrayEquals(kept.get(untouched).inputs(), after.get(untouched).inputs());
        String entryKey = "llms-json-entry\n" + new PageKey(Kind.ANSWER, "rate-limits", "en");
        assertFalse(java.util.Arrays.equals(kept.get(entryKey).value(), after.get(entryKey).value()),
                "the edited answer's llms.json entry was made again");
        assertTrue(Files.readString(site.resolve("target/site/llms.json"))
                        .contains(new String(after.get(entryKey).value(), java.nio.charset.StandardCharsets.UTF_8)),
                "llms.json holds the entry as kept");
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    /** The fragments' segment files as the build wrote them, each read under the key it was written with (its second string). */
    private Map<String, FragmentFile.Stored> readFragments(Path site) throws IOException {
        Map<String, FragmentFile.Stored> read = new HashMap<>();
        for (Path segment : fragmentSegments(site)) {
            byte[] bytes = Files.readAllBytes(segment);
            java.io.DataInputStream header = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
            header.readUTF();
            String key = header.readUTF();
            Map<String, FragmentFile.Stored> entries = FragmentFile.read(
                    new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes)), key);
            read.putAll(entries);
        }
        assertFalse(read.isEmpty(), "the fragments read");
        return read;
    }

    private static List<Path> fragmentSegments(Path site) throws IOException {
        try (Stream<Path> files = Files.list(slotOf(site))) {
            return files.filter(f -> f.getFileName().toString().matches("fragments-\\d\\d\\.bin")).sorted().toList();
        }
    }

    @Test
    void anEditedOrDeletedOutputFileIsRebuiltNotTrusted() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        answersite.build(request, cacheOf(site));
        Path page = site.resolve("target/site/answers/rate-limits/index.html");
        Files.writeString(page, "tampered");
        Files.delete(site.resolve("target/site/llms.txt"));

        BuildResult repaired = answersite.build(request, cacheOf(site));

        assertFalse(repaired.upToDate());
        assertEquals(List.of("answers/rate-limits/index.html"), repaired.pages().renderedPaths(),
                "the edited page is rendered again: its bytes no longer have the recorded hash");
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void anEditRewritesOnlyTheFragmentSegmentsWhosePiecesChanged() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        answersite.build(request, cacheOf(site));
        List<Path> segments = fragmentSegments(site);
        assertTrue(segments.size() > 3, segments.toString());
        Map<String, Long> before = modificationTimes(slotOf(site));
        Map<String, FragmentFile.Stored> kept = readFragments(site);

        edit(site.resolve("content/glossary/api-key.md"), "definition:", "definition: Also called a token.");
        answersite.build(request, cacheOf(site));

        Map<String, FragmentFile.Stored> after = readFragments(site);
        Map<String, Long> times = modificationTimes(slotOf(site));
        for (Path segment : segments) {
            String name = segment.getFileName().toString();
            int number = Integer.parseInt(name.substring("fragments-".length(), name.length() - ".bin".length()));
            boolean changed = after.keySet().stream()
                    .filter(key -> segmentOf(key) == number)
                    .anyMatch(key -> !kept.containsKey(key) || !Arrays.equals(kept.get(key).value(), after.get(key).value())
                            || !Arrays.equals(kept.get(key).inputs(), after.get(key).inputs())
                            || !Arrays.equals(kept.get(key).source(), after.get(key).source()))
                    || kept.keySet().stream().anyMatch(key -> !after.containsKey(key)
                            && segmentOf(key) == number);
            if (!changed) {
                assertEquals(before.get(name), times.get(name), name + " has no piece made again, added or dropped:"
                        + " not written again");
            }
        }
        assertTrue(segments.stream().anyMatch(s -> !before.get(s.getFileName().toString())
                .equals(times.get(s.getFileName().toString()))), "the edited term's pieces were written");
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    /** A fragment's segment, by the id part of its {@code kind\nid} key (every kind of one page's pieces together). */
    private static int segmentOf(String key) {
        return Math.floorMod(key.substring(key.indexOf('\n') + 1).hashCode(), BuildCache.FRAGMENT_SEGMENTS);
    }

    @Test
    void aPageKeptAsPublishedIsCheckedFromTheFactsRecordedForItsHashWithoutBeingRead() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics());
        assertTrue(Files.isRegularFile(slotOf(site).resolve("facts.bin")));
        String keptPage = "checklists/launch/index.html";
        Path keptPageSegment = slotOf(site).resolve(String.format("facts-%02d.bin", Math.floorMod(keptPage.hashCode(), 16)));
        assertTrue(Files.isRegularFile(keptPageSegment));
        // a kept page changed behind the build's back, with its size and time as the last build left them:
        // trusted by them like every untouched output file, its recorded facts stand for it
        Path kept = site.resolve("target/site/checklists/launch/index.html");
        String html = Files.readString(kept);
        FileTime time = Files.getLastModifiedTime(kept);
        assertTrue(html.contains("href=\"/answers/"), "the checklist links to the answers list");
        Files.writeString(kept, html.replace("href=\"/answers/", "href=\"/nowhere/"));
        Files.setLastModifiedTime(kept, time);

        edit(site.resolve("content/answers/rate-limits.md"), "retry with exponential backoff",
                "retry with exponential backoff and jitter");
        BuildResult changed = answersite.build(request, cacheOf(site));

        assertEquals(List.of(), changed.diagnostics(), "the kept page's links were taken from facts.bin");
        assertFalse(changed.pages().renderedPaths().contains("checklists/launch/index.html"));

        Files.write(keptPageSegment, new byte[] {0, 3, 'x', 'y', 'z'}); // damaged: the pages it held are read
        edit(site.resolve("content/answers/rate-limits.md"), "and jitter", "and full jitter");
        BuildResult reread = answersite.build(request, cacheOf(site));
        assertTrue(reread.diagnostics().stream().anyMatch(d -> d.ruleId().equals(Rules.BUILT_SITE)
                        && d.pos().path().endsWith("checklists/launch/index.html")
                        && d.message().contains("/nowhere/")),
                "without the recorded facts the kept page is read, and its broken link found: " + reread.diagnostics());
    }

    @Test
    void anEditRewritesOnlyThePageFactsSegmentsOfThePagesWrittenAgain() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        answersite.build(request, cacheOf(site));
        Map<String, Long> before = modificationTimes(slotOf(site));

        edit(site.resolve("content/answers/rate-limits.md"), "retry with exponential backoff",
                "retry with exponential backoff and jitter");
        BuildResult changed = answersite.build(request, cacheOf(site));

        Map<String, Long> times = modificationTimes(slotOf(site));
        Set<Integer> rewritten = changed.pages().renderedPaths().stream().filter(path -> path.endsWith(".html"))
                .map(path -> Math.floorMod(path.hashCode(), 16)).collect(Collectors.toSet());
        assertFalse(rewritten.isEmpty());
        assertTrue(rewritten.size() < 16, "few pages are written again: " + changed.pages().renderedPaths());
        for (int segment = 0; segment < 16; segment++) {
            String name = String.format("facts-%02d.bin", segment);
            assertTrue(before.containsKey(name), name);
            assertEquals(!rewritten.contains(segment), before.get(name).equals(times.get(name)),
                    name + ": written again exactly when a page of it was");
        }
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void aSearchShardOrTwinTakenBackFromTheCacheStaysAsPublishedAndIsMadeAgainWhenTheFileWasChanged()
            throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics());
        Map<String, FragmentFile.Stored> kept = readFragments(site);
        String shardKey = kept.keySet().stream().filter(key -> key.startsWith("search-shard\n")).findFirst().orElseThrow();
        assertFalse(new String(kept.get(shardKey).value(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("[["),
                "the cache keeps a shard's hash, estimate and words, not its JSON");
        // every shard file damaged behind the build's back (a new size): not untouched, so each is made again
        List<Path> shards;
        try (var files = Files.list(site.resolve("target/site/search/en"))) {
            shards = files.filter(f -> f.getFileName().toString().startsWith("t-")).toList();
        }
        for (Path shard : shards) {
            Files.writeString(shard, "{}");
        }
        Files.writeString(site.resolve("target/site/checklists/launch/index.md"), "# damaged\n");
        edit(site.resolve("content/answers/rate-limits.md"), "retry with exponential backoff",
                "retry with exponential backoff and jitter");
        assertEquals(List.of(), answersite.build(request, cacheOf(site)).diagnostics());
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void aTemplateChangeRendersEveryPageAgain() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        BuildResult first = answersite.build(request, cacheOf(site));
        Path templates = site.resolve("templates");
        Files.createDirectories(templates);
        // the built-in layout, with one more comment: no view changes, every page's bytes do
        Files.writeString(templates.resolve("layout.peb"),
                Files.readString(Path.of("templates/layout.peb")) + "<!-- own layout -->\n");

        BuildResult second = answersite.build(request, cacheOf(site));

        assertEquals(first.pages().renderedPaths(), second.pages().renderedPaths());
        assertTrue(Files.readString(site.resolve("target/site/index.html")).contains("own layout"));
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void aDamagedOrDeletedCacheOnlyMeansAFullBuild() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        BuildResult first = answersite.build(request, cacheOf(site));
        Files.write(slotOf(site).resolve("site.bin"), new byte[] {1, 2, 3});
        Files.write(slotOf(site).resolve("render.bin"), new byte[] {0, 9});
        Files.write(slotOf(site).resolve("facts.bin"), new byte[] {0, 12, 'p'});
        for (Path segment : fragmentSegments(site)) {
            byte[] fragments = Files.readAllBytes(segment);
            fragments[fragments.length - 1] ^= 0x55; // a value's last byte changed, then the file cut short
            Files.write(segment, java.util.Arrays.copyOf(fragments, fragments.length - 1));
        }

        BuildResult damaged = answersite.build(request, cacheOf(site));
        assertFalse(damaged.upToDate());
        assertEquals(first.pages().renderedPaths(), damaged.pages().renderedPaths());
        assertEquals(0, damaged.changedFiles());

        try (Stream<Path> walk = Files.walk(cacheOf(site))) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        BuildResult deleted = answersite.build(request, cacheOf(site));
        assertFalse(deleted.upToDate());
        assertEquals(0, deleted.changedFiles());
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    @Test
    void aLoadFileOfAnEarlierPluginOrCutShortIsIgnoredAndWrittenAgain() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        answersite.build(request, cacheOf(site));
        Map<String, byte[]> written = loadSegments(site);
        assertFalse(written.isEmpty());
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) { // what plugins before issue 11 wrote
            out.writeUTF("key");
            out.writeObject(new HashMap<>(Map.of("content/answers/rate-limits.md", "a page")));
        }

        for (boolean cutShort : List.of(false, true)) {
            for (Map.Entry<String, byte[]> segment : written.entrySet()) {
                byte[] bytes = segment.getValue();
                Files.write(slotOf(site).resolve(segment.getKey()),
                        cutShort ? Arrays.copyOf(bytes, bytes.length / 2) : serialized.toByteArray());
            }
            Files.write(slotOf(site).resolve("site.bin"), new byte[] {1}); // not up to date: load again

            BuildResult result = answersite.build(request, cacheOf(site));

            assertFalse(result.upToDate());
            assertEquals(List.of(), result.diagnostics());
            assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
            assertEquals(written.keySet(), loadSegments(site).keySet());
            written.forEach((name, bytes) -> assertArrayEquals(bytes, loadSegments(site).get(name),
                    name + " written again as the first build wrote it"));
        }
    }

    @Test
    void anEditRewritesOnlyTheLoadSegmentOfTheEditedFile() throws IOException {
        Path site = TestSites.exampleSite(root);
        BuildRequest request = TestSites.request(site);
        answersite.build(request, cacheOf(site));
        Map<String, Long> before = modificationTimes(slotOf(site));
        Map<String, byte[]> segments = loadSegments(site);
        assertTrue(segments.size() > 1, segments.keySet().toString());

        edit(site.resolve("content/answers/rate-limits.md"), "retry with exponential backoff",
                "retry with exponential backoff and jitter");
        answersite.build(request, cacheOf(site));

        Map<String, byte[]> after = loadSegments(site);
        Path slot = slotOf(site);
        assertEquals(segments.keySet(), after.keySet());
        List<String> changed = segments.keySet().stream()
                .filter(name -> !Arrays.equals(segments.get(name), after.get(name))).toList();
        assertEquals(1, changed.size(), "one segment holds the edited file: " + changed);
        assertTrue(new String(after.get(changed.get(0)), java.nio.charset.StandardCharsets.UTF_8)
                .contains("retry with exponential backoff and jitter"));
        segments.keySet().stream().filter(name -> !changed.contains(name)).forEach(name ->
                assertEquals(before.get(name), uncheckedTime(slot.resolve(name)), name + " is not written again"));
        assertSameFiles(cleanBuildOf(site), TestSites.snapshot(site.resolve("target/site")));
    }

    private static long uncheckedTime(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The load cache's segment files, by name. */
    private static Map<String, byte[]> loadSegments(Path site) {
        try (Stream<Path> files = Files.list(slotOf(site))) {
            Map<String, byte[]> segments = new TreeMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().matches("load-\\d\\d\\.bin")).toList()) {
                segments.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
            return segments;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aBuildOfAnotherContentFolderKeepsItsOwnCacheBesideTheProjects() throws IOException {
        Path site = TestSites.exampleSite(root);
        TestSites.copySite(site.resolve("content"), site.resolve("other-content"));
        edit(site.resolve("other-content/_index.md"), "title:", "title: Other");
        BuildRequest project = TestSites.request(site);
        BuildRequest other = project.withContentDir(site.resolve("other-content"))
                .withOutputDir(site.resolve("target/other-site"));
        answersite.build(project, cacheOf(site));
        answersite.build(other, cacheOf(site));

        BuildResult projectAgain = answersite.build(project, cacheOf(site));
        BuildResult otherAgain = answersite.build(other, cacheOf(site));

        assertTrue(projectAgain.upToDate(), projectAgain.summary());
        assertTrue(otherAgain.upToDate(), otherAgain.summary());
        try (Stream<Path> slots = Files.list(cacheOf(site))) {
            assertEquals(2, slots.count(), "one cache folder per site");
        }
    }

    @Test
    void cacheFilesOfTheSharedLayoutAreDeleted() throws IOException {
        Path site = TestSites.exampleSite(root);
        Files.createDirectories(cacheOf(site));
        Files.writeString(cacheOf(site).resolve("load.bin"), "an old cache");

        answersite.build(TestSites.request(site), cacheOf(site));

        assertFalse(Files.exists(cacheOf(site).resolve("load.bin")));
        assertFalse(loadSegments(site).isEmpty());
    }

    @Test
    void aCacheFileLeftHalfWrittenByAStoppedBuildIsDeleted() throws IOException {
        Path site = TestSites.exampleSite(root);
        answersite.build(TestSites.request(site), cacheOf(site));
        Path half = slotOf(site).resolve("load.bin4711.tmp");
        Files.writeString(half, "half a cache file");

        assertTrue(answersite.build(TestSites.request(site), cacheOf(site)).upToDate());

        assertFalse(Files.exists(half));
    }
}
