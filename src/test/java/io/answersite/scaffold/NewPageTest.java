package io.answersite.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.TestSites;
import io.answersite.config.SiteConfig;
import io.answersite.config.SiteConfigReader;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.site.Answersite;
import io.answersite.site.BuildResult;
import io.answersite.source.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code site:new}: every type, a translation, and every refusal. */
class NewPageTest {

    @TempDir
    Path root;

    private NewPage newPage;

    @BeforeEach
    void site() throws Exception {
        TestSites.write(root, TestSites.SITE_YML);
        SiteConfig config = new SiteConfigReader(new YAMLFactory()).read(new SourceText("site/site.yml",
                Files.readString(root.resolve("site/site.yml"))), Optional.empty(), new Diagnostics()).orElseThrow();
        newPage = new NewPage(config, root.resolve("content"), root.resolve("templates"), getClass().getClassLoader());
    }

    private Path write(String type, String id, String topic, String lang, String title) throws NewPage.Refused {
        return newPage.write(new NewPage.Request(type, id, topic, lang, title, TestSites.TODAY));
    }

    @Test
    void writesADraftOfEveryTypeThatBuildsWithDraftsShown() throws Exception {
        assertEquals(root.resolve("content/answers/model-not-found.md"), write("answer", "model-not-found", "network", null, null));
        assertEquals(root.resolve("content/guides/model-errors.md"), write("guide", "model-errors", "network", null, "Model errors"));
        assertEquals(root.resolve("content/checklists/launch.md"), write("checklist", "launch", "network", null, null));
        assertEquals(root.resolve("content/glossary/base-url.md"), write("glossary", "base-url", null, null, "Base URL"));
        assertEquals(root.resolve("content/topics/models.md"), write("topic", "models", null, null, "Models"));

        String answer = TestSites.read(root.resolve("content/answers/model-not-found.md"));
        assertTrue(answer.contains("title: \"Model not found?\"\n"), answer);
        assertTrue(answer.contains("date: 2026-11-26\n"), answer);
        assertTrue(answer.contains("topic: network\n"), answer);
        assertTrue(answer.contains("draft: true\n"), answer);
        assertTrue(answer.contains("basis:\n") && answer.contains("next_steps:\n") && answer.contains("faq:\n"), answer);

        BuildResult drafts = new Answersite().build(TestSites.request(root).withIncludeDrafts(true));
        assertEquals(0, drafts.errorCount(), drafts.diagnostics().toString());
        BuildResult published = new Answersite().build(TestSites.request(root));
        assertEquals(0, published.errorCount(), published.diagnostics().toString());
        assertEquals(5, published.heldBack().size(), "new pages stay drafts until an editor publishes them");
    }

    @Test
    void startsATranslationFromTheOriginal() throws Exception {
        write("answer", "model-not-found", "network", null, "Why is the model not found?");
        Path translation = write("answer", "model-not-found", null, "zh-CN", "为什么找不到模型?");
        assertEquals(root.resolve("content/answers/model-not-found.zh-CN.md"), translation);
        String text = TestSites.read(translation);
        assertTrue(text.startsWith("---\n# Translation into zh-CN of answers/model-not-found.md"), text);
        assertTrue(text.contains("title: \"为什么找不到模型?\"\n"), text);
        assertTrue(text.contains("next_steps:\n"), "the structure of the original is kept");
        assertEquals(1, text.lines().filter(line -> line.equals("draft: true")).count(), "marked as a draft once");
        BuildResult build = new Answersite().build(TestSites.request(root).withIncludeDrafts(true));
        assertEquals(0, build.errorCount(), build.diagnostics().toString());
    }

    @Test
    void refusesWhatItCannotWriteAndSaysWhy() throws Exception {
        write("answer", "exists", "network", null, null);
        List<String> messages = List.of(
                refusal("answr", "x", "network", null),
                refusal("answer", "Bad_Id", "network", null),
                refusal("answer", "x", null, null),
                refusal("answer", "x", "netwrk", null),
                refusal("answer", "exists", "network", null),
                refusal("answer", "x", "network", "fr"),
                refusal("answer", "missing", null, "zh-CN"));
        assertEquals(List.of(
                "unknown type 'answr'; use -Dtype= one of answer, guide, checklist, glossary, topic (did you mean 'answer'?)",
                "id 'Bad_Id' must match [a-z0-9][a-z0-9-]* (lower-case letters, digits and '-'), for example"
                        + " -Did=model-not-found",
                "a new answer needs a topic: add -Dtopic=<id>; known topics: network",
                "unknown topic 'netwrk'; did you mean 'network'?",
                "content/answers/exists.md already exists; pick another id, or edit that file",
                "unknown language 'fr'; site.yml lists en, zh-CN",
                "there is no answer 'missing' in en to translate (content/answers/missing.md); create it first"),
                messages);
        assertTrue(TestSites.read(root.resolve("content/answers/exists.md")).contains("title: \"Exists?\""),
                "the existing file is untouched");
    }

    @Test
    void aSiteArchetypeOverridesTheBuiltInOne() throws Exception {
        TestSites.write(root, """
                -- templates/archetypes/glossary.md --
                ---
                title: {{ title }}
                description: {{ description }}
                date: {{ date }}
                draft: true
                definition: Our own archetype.
                ---
                """);
        String text = TestSites.read(write("glossary", "cors", null, null, "CORS"));
        assertTrue(text.contains("definition: Our own archetype."), text);
    }

    private String refusal(String type, String id, String topic, String lang) {
        return assertThrows(NewPage.Refused.class, () -> write(type, id, topic, lang, null)).getMessage();
    }
}
