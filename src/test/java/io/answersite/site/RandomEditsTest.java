package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.answersite.BuiltSites;
import io.answersite.TestSites;
import io.answersite.cache.Fragments;
import io.answersite.check.BuiltSiteCheck;
import io.answersite.content.LoadCache;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.render.RenderCache;
import io.answersite.render.SiteRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's promise under a seeded random sequence of edits of every kind: after each edit,
 * the site it keeps in memory (reusing what earlier builds read and rendered) is byte for byte the
 * site a clean build of the same files makes, with the same findings; and where an edit to one
 * page is shown ahead ({@link Answersite#editedPage}), the page shown is the page the full rebuild
 * renders. A failure names the seed, the step and the edits so far.
 */
class RandomEditsTest {

    private static final long SEED = Long.getLong("randomEdits.seed", 20261129L);
    private static final int EDITS = Integer.getInteger("randomEdits.count", 200);

    @TempDir
    Path root;

    private Random random;
    private long clock = 1_800_000_000_000L;
    private int counter;
    private final List<String> history = new ArrayList<>();
    /** Answers this test added (by id), which it may delete, rename, translate and hold back. */
    private final List<String> added = new ArrayList<>();

    @Test
    void afterEveryEditThePreviewMatchesACleanBuildByteForByte() throws IOException {
        Path repository = TestSites.repositoryRoot();
        TestSites.copySite(repository.resolve("content"), root.resolve("content"));
        TestSites.copySite(repository.resolve("site"), root.resolve("site"));
        splitListsIntoPages();
        random = new Random(SEED);
        Answersite answersite = new Answersite();
        BuildRequest request = TestSites.request(root).withIncludeDrafts(random.nextBoolean());
        LoadCache loads = new LoadCache();
        RenderCache renders = new RenderCache();
        BuiltSiteCheck.Memory checked = new BuiltSiteCheck.Memory();
        Fragments fragments = Fragments.kept();
        Answersite.Preview previous = answersite.preview(request, loads, renders, checked, fragments);
        assertEquals(List.of(), errors(previous), "the repository site builds");
        Optional<Answersite.Sources> sources = previous.sources();
        int failedBuilds = 0;
        int shownAhead = 0;
        for (int step = 1; step <= EDITS; step++) {
            Edit edit = previous.result().failed() && random.nextInt(3) > 0 ? undo() : randomEdit();
            history.add(step + ": " + edit.description());
            Optional<SiteRenderer.RenderedPage> ahead = Optional.empty();
            boolean lastBuilt = !previous.result().failed();
            if (edit.shownAhead() != null && sources.isPresent()) {
                ahead = answersite.editedPage(request, sources.get(), loads, edit.shownAhead());
            }
            Answersite.Preview incremental = answersite.preview(request, loads, renders, checked, fragments);
            Answersite.Preview clean = answersite.preview(request, new LoadCache(), new RenderCache(),
                    new BuiltSiteCheck.Memory());
            String where = "seed " + SEED + ", step " + step + "; edits so far:\n" + String.join("\n", history);
            assertEquals(formatted(clean.result().diagnostics()), formatted(incremental.result().diagnostics()), where);
            assertEquals(clean.result().failed(), incremental.result().failed(), where);
            if (!clean.result().failed()) {
                assertSameFiles(clean.files().files(), incremental.files().files(), where);
                if (ahead.isPresent() && edit.exactAhead() && lastBuilt) {
                    shownAhead++;
                    byte[] full = incremental.files().get(ahead.get().path());
                    assertTrue(Arrays.equals(full, ahead.get().bytes()), "the page shown ahead, " + ahead.get().path()
                            + ", differs from the rebuilt one; " + where);
                }
                sources = incremental.sources();
            } else {
                failedBuilds++;
            }
            previous = incremental;
        }
        assertTrue(shownAhead > EDITS / 10, "edited pages were shown ahead and checked " + shownAhead + " times");
        assertTrue(failedBuilds < EDITS / 2, "most states should build; " + failedBuilds + " of " + EDITS + " failed");
    }

    /**
     * The build cache's promise under the same kind of edits: {@code site:build} with the cache on
     * disk (load results, page inputs and view digests, machine-file fragments), after each edit,
     * writes the files a clean build makes, with the same findings. Fewer edits than the preview's
     * test: each step writes the site to disk.
     */
    @Test
    void afterEveryEditABuildWithTheBuildCacheMatchesACleanBuildByteForByte() throws IOException {
        Path repository = TestSites.repositoryRoot();
        TestSites.copySite(repository.resolve("content"), root.resolve("content"));
        TestSites.copySite(repository.resolve("site"), root.resolve("site"));
        splitListsIntoPages();
        long seed = SEED + 1;
        random = new Random(seed);
        // a budget smaller than the site's fragments: some are held, the others go through the spill
        Answersite answersite = new Answersite().holdingFragments(FRAGMENTS_HELD);
        BuildRequest request = TestSites.request(root).withIncludeDrafts(random.nextBoolean());
        Path cacheDir = root.resolve("target/answersite-cache");
        BuildResult previous = answersite.build(request, cacheDir);
        assertEquals(List.of(), previous.diagnostics().stream().filter(d -> d.severity().name().equals("ERROR"))
                .toList(), "the repository site builds");
        int built = 0;
        for (int step = 1; step <= CACHED_EDITS; step++) {
            Edit edit = previous.failed() && random.nextInt(3) > 0 ? undo() : randomEdit();
            history.add(step + ": " + edit.description());
            BuildResult cached = answersite.build(request, cacheDir);
            Answersite.Preview clean = answersite.preview(request, new LoadCache(), new RenderCache(),
                    new BuiltSiteCheck.Memory());
            String where = "seed " + seed + ", step " + step + "; edits so far:\n" + String.join("\n", history);
            assertEquals(formatted(clean.result().diagnostics()), formatted(cached.diagnostics()), where);
            assertEquals(clean.result().failed(), cached.failed(), where);
            if (!cached.failed()) {
                assertSameFiles(clean.files().files(), TestSites.snapshot(request.outputDir()), where);
                built++;
            }
            previous = cached;
        }
        assertTrue(built > CACHED_EDITS / 2, "most states should build; " + built + " of " + CACHED_EDITS + " did");
    }

    private static final int CACHED_EDITS = Integer.getInteger("randomEdits.cachedCount", 40);
    /** The repository site's fragments take about 370 KB: a build holds about a third and spills the rest. */
    private static final long FRAGMENTS_HELD = 128 << 10;

    /** One edit: what it did, the content file to show ahead (or null), and whether the page shown ahead must be final. */
    private record Edit(String description, Path shownAhead, boolean exactAhead, Runnable undo) {
    }

    private Edit lastEdit;

    private Edit undo() {
        Edit edit = lastEdit;
        edit.undo().run();
        lastEdit = new Edit("undo", null, false, () -> { });
        return new Edit("undo of: " + edit.description(), null, false, () -> { });
    }

    private Edit randomEdit() {
        counter++;
        Edit edit = switch (random.nextInt(16)) {
            case 0 -> appendToBody();
            case 1 -> rewriteShortAnswer(); // as many draws as the body's edit: the sequence keeps its states
            case 2 -> retitle();
            case 3 -> addAnswer();
            case 4 -> deleteAdded();
            case 5 -> renameAdded();
            case 6 -> changeTopic();
            case 7 -> changeRelated();
            case 8 -> addSynonym();
            case 9 -> editSnippet();
            case 10 -> translateAdded();
            case 11 -> toggleDraft();
            case 12 -> changeDate();
            case 13 -> changeSiteYml();
            case 14 -> overrideTemplate();
            default -> overrideUiString();
        };
        lastEdit = edit;
        return edit;
    }

    // ---- the edits ----

    private Edit appendToBody() {
        Path page = pick(contentPages());
        String text = read(page);
        write(page, text + "\n\nEdit " + counter + ": check the DNS and TLS settings, then retry 超时的接口.\n");
        return new Edit("append to the body of " + name(page), page, true, restoring(page, text));
    }

    /** An answer's own text only: a build with the build cache makes no other page's inputs (RenderCache#keptInputs). */
    private Edit rewriteShortAnswer() {
        Path page = pick(files("answers"));
        String text = read(page);
        String words = "Edit " + counter + ", 先看日志。";
        // inside the scalar as written (folded, quoted or plain), so that the YAML stays valid
        String changed = text.replaceFirst("(?m)^answer: >-\n(\\s+)", "answer: >-\n$1" + words + " ");
        if (changed.equals(text)) {
            changed = text.replaceFirst("(?m)^answer: (['\"]?)(?![>|])", "answer: $1" + words + " ");
        }
        // and the first related note, another text the answer shows of itself (the graph's related items carry it)
        String noted = changed.replaceFirst("(?m)^(\\s+note: )(['\"]?)(?![>|])", "$1$2" + words + " ");
        changed = noted.equals(changed) ? changed.replaceFirst("(\\{ref: [^}\n]*?note: )(['\"])", "$1$2" + words + " ")
                : noted;
        write(page, changed);
        return new Edit("rewrite the short answer and a related note of " + name(page), page, true,
                restoring(page, text));
    }

    private Edit retitle() {
        Path page = pick(contentPages());
        String text = read(page);
        // a quoted title stays one quoted title (quotes around quotes were a YAML error the sequence kept)
        write(page, text.replaceFirst("(?m)^title: ([\"']?)(.*?)\\1$", "title: \"Edit " + counter + " $2\""));
        return new Edit("retitle " + name(page), page, true, restoring(page, text));
    }

    private Edit addAnswer() {
        String id = "extra-" + counter;
        Path file = root.resolve("content/answers/" + id + ".md");
        String related = pick(ids("answers"));
        write(file, "---\ntitle: Extra answer " + counter + "?\ndescription: An added answer, number " + counter
                + ".\ndate: 2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9) + "\ntopic: "
                + pick(ids("topics")) + "\ntags: [" + pick(List.of("API Key", "安全", "DNS", "成本", "网关")) + "]\n"
                + "answer: Use [the gateway](" + related + ".md) and check `DNS` first.\nbasis: [The gateway logs show it.]\n"
                + "next_steps: [Retry later.]\nfaq:\n  - q: Why [this](answer:" + related + ")?\n    a: See *this*.\n"
                + "related:\n  - {ref: \"answer:" + related + "\", note: \"See [also](" + related + ".md).\"}\n---\n\n"
                + "Body of extra answer " + counter + " with a [link](" + related + ".md).\n");
        added.add(id);
        return new Edit("add answer " + id, null, false, () -> {
            delete(file);
            added.remove(id);
        });
    }

    private Edit deleteAdded() {
        if (added.isEmpty()) {
            return addAnswer();
        }
        String id = pick(added);
        Path file = root.resolve("content/answers/" + id + ".md");
        Path translation = root.resolve("content/answers/" + id + ".en.md");
        String text = read(file);
        String translated = Files.exists(translation) ? read(translation) : null;
        delete(file);
        delete(translation);
        added.remove(id);
        return new Edit("delete answer " + id, null, false, () -> {
            write(file, text);
            if (translated != null) {
                write(translation, translated);
            }
            added.add(id);
        });
    }

    private Edit renameAdded() {
        if (added.isEmpty()) {
            return addAnswer();
        }
        String id = pick(added);
        String renamed = id + "-r" + counter;
        Path from = root.resolve("content/answers/" + id + ".md");
        Path to = root.resolve("content/answers/" + renamed + ".md");
        String text = read(from);
        delete(from);
        delete(root.resolve("content/answers/" + id + ".en.md"));
        write(to, text);
        added.set(added.indexOf(id), renamed);
        return new Edit("rename answer " + id + " to " + renamed, null, false, () -> {
            delete(to);
            write(from, text);
            added.set(added.indexOf(renamed), id);
        });
    }

    private Edit changeTopic() {
        Path page = pick(files("answers"));
        String text = read(page);
        String topic = pick(ids("topics"));
        write(page, text.replaceFirst("(?m)^topic: .*$", "topic: " + topic));
        return new Edit("move " + name(page) + " to topic " + topic, page, false, restoring(page, text));
    }

    private Edit changeRelated() {
        Path page = pick(files("answers"));
        String text = read(page);
        String target = pick(List.of("answer:" + pick(ids("answers")), "glossary:" + pick(ids("glossary")),
                "guide:" + pick(ids("guides")), "checklist:network-troubleshooting"));
        String changed = text.contains("\nrelated:\n")
                ? text.replaceFirst("\nrelated:\n", "\nrelated:\n  - {ref: \"" + target + "\", note: \"Edit " + counter
                        + ", see [it](" + target + ").\"}\n")
                : text.replaceFirst("\n---\n", "\nrelated:\n  - {ref: \"" + target + "\"}\n---\n");
        write(page, changed);
        return new Edit("relate " + name(page) + " to " + target, page, true, restoring(page, text));
    }

    private Edit addSynonym() {
        Path term = pick(files("glossary"));
        String text = read(term);
        String synonym = pick(List.of("gateway", "timeout", "超时", "网关", "Key", "retry " + counter));
        String changed = text.contains("\nsynonyms: [")
                ? text.replaceFirst("\nsynonyms: \\[", "\nsynonyms: [" + synonym + ", ")
                : text.replaceFirst("(?m)^term: (.*)$", "term: $1\nsynonyms: [" + synonym + "]");
        write(term, changed);
        return new Edit("give " + name(term) + " the synonym " + synonym, term, true, restoring(term, text));
    }

    private Edit editSnippet() {
        Path snippet = pick(List.of(root.resolve("content/_snippets/handoff.md"),
                root.resolve("content/_snippets/review-safety.en.md")));
        String text = read(snippet);
        write(snippet, text + "\nSnippet edit " + counter + ".\n");
        return new Edit("edit snippet " + name(snippet), null, false, restoring(snippet, text));
    }

    private Edit translateAdded() {
        if (added.isEmpty()) {
            return addAnswer();
        }
        String id = pick(added);
        Path translation = root.resolve("content/answers/" + id + ".en.md");
        if (Files.exists(translation)) {
            String text = read(translation);
            delete(translation);
            return new Edit("delete the translation of " + id, null, false, restoring(translation, text));
        }
        String original = read(root.resolve("content/answers/" + id + ".md"));
        write(translation, original.replaceFirst("(?m)^title: (.*)$", "title: \"English $1\""));
        return new Edit("translate " + id, null, false, () -> delete(translation));
    }

    private Edit toggleDraft() {
        Path page = added.isEmpty() || random.nextBoolean() ? pick(contentPages())
                : root.resolve("content/answers/" + pick(added) + ".md");
        String text = read(page);
        String changed = text.contains("\ndraft: true\n") ? text.replace("\ndraft: true\n", "\n")
                : text.replaceFirst("\n---\n", "\ndraft: true\n---\n");
        write(page, changed);
        return new Edit("toggle draft of " + name(page), page, true, restoring(page, text));
    }

    private Edit changeDate() {
        Path page = pick(contentPages());
        String text = read(page);
        String date = pick(List.of("2026-02-03", "2026-11-26", "2026-12-24", "2027-01-01"));
        write(page, text.replaceFirst("(?m)^date: .*$", "date: " + date));
        return new Edit("date " + name(page) + " " + date, page, true, restoring(page, text));
    }

    /** Short list pages and hub groups, so that every edit also moves entries between list pages. */
    private void splitListsIntoPages() {
        Path yml = root.resolve("site/site.yml");
        write(yml, read(yml) + BuiltSites.PAGED);
    }

    private Edit changeSiteYml() {
        Path yml = root.resolve("site/site.yml");
        String text = read(yml);
        String changed = switch (random.nextInt(4)) {
            case 0 -> text.contains("glossary_autolink: true") ? text.replace("glossary_autolink: true",
                    "glossary_autolink: false") : text.replace("glossary_autolink: false", "glossary_autolink: true");
            case 1 -> text.replaceFirst("(?m)^more_answers: .*$", "more_answers: " + (1 + random.nextInt(5)));
            case 2 -> text.replaceFirst("(?m)^list_page_size: .*$", "list_page_size: " + random.nextInt(4))
                    .replaceFirst("(?m)^hub_answers_per_topic: .*$", "hub_answers_per_topic: " + random.nextInt(3));
            default -> text.replaceFirst("(?m)^description: (.*)$", "description: Edit " + counter + " $1");
        };
        write(yml, changed);
        return new Edit("site.yml", null, false, restoring(yml, text));
    }

    private Edit overrideTemplate() {
        Path template = root.resolve("templates/answer.peb");
        if (Files.exists(template)) {
            String text = read(template);
            delete(template);
            return new Edit("remove the site's answer template", null, false, restoring(template, text));
        }
        String builtIn = read(TestSites.repositoryRoot().resolve("templates/answer.peb"));
        write(template, builtIn.replaceFirst("</h1>", "</h1>\n<p class=\"edited\">Template edit " + counter + "</p>"));
        return new Edit("give the site its own answer template", null, false, () -> delete(template));
    }

    private Edit overrideUiString() {
        Path strings = root.resolve("templates/i18n/zh-CN.yml");
        if (Files.exists(strings)) {
            String text = read(strings);
            delete(strings);
            return new Edit("remove the site's UI strings", null, false, restoring(strings, text));
        }
        write(strings, "related: \"相关内容 " + counter + "\"\nanswer_direct: \"直接回答 " + counter + "\"\n");
        return new Edit("override two UI strings", null, false, () -> delete(strings));
    }

    // ---- files ----

    private List<Path> contentPages() {
        List<Path> pages = new ArrayList<>();
        for (String folder : List.of("answers", "guides", "checklists", "glossary", "topics")) {
            pages.addAll(files(folder));
        }
        return pages;
    }

    private List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(root.resolve("content").resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids of the default-language pages in a folder. */
    private List<String> ids(String folder) {
        TreeSet<String> ids = new TreeSet<>();
        Pattern idLine = Pattern.compile("(?m)^id: (\\S+)$");
        for (Path file : files(folder)) {
            String name = file.getFileName().toString();
            if (name.chars().filter(c -> c == '.').count() == 1) {
                Matcher id = idLine.matcher(read(file));
                ids.add(id.find() ? id.group(1) : name.substring(0, name.length() - 3));
            }
        }
        return new ArrayList<>(ids);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String name(Path file) {
        return root.relativize(file).toString();
    }

    private Runnable restoring(Path file, String text) {
        return () -> write(file, text);
    }

    private String read(Path file) {
        return TestSites.read(file);
    }

    /** Writes with a modification time later than any before, as a save seconds later would. */
    private void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            clock += 2000;
            Files.setLastModifiedTime(file, FileTime.fromMillis(clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> errors(Answersite.Preview preview) {
        return preview.result().diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
    }

    private static List<String> formatted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).toList();
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String where) {
        assertEquals(expected.keySet(), actual.keySet(), where);
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            if (!Arrays.equals(file.getValue(), actual.get(file.getKey()))) {
                fail(file.getKey() + " differs from a clean build; " + where);
            }
        }
    }
}
