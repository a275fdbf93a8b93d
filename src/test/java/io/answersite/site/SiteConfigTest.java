package io.answersite.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.TestSites;
import io.answersite.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigTest {

    @TempDir
    Path root;

    private List<String> build(String files) {
        TestSites.write(root, files);
        return new Answersite().build(TestSites.request(root)).diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void reportsMissingSiteYml() {
        assertEquals(List.of("site/site.yml: error: site.yml not found; create it with at least 'title:' and"
                + " 'base_url:', or point site.config at it [config-missing]"), build("""
                -- content/_index.md --
                ---
                title: Hub
                ---
                """));
    }

    @Test
    void reportsEveryMistakeInSiteYmlAtItsKey() {
        assertEquals(List.of(
                "site/site.yml:1:1: error: missing required key 'base_url'; add 'base_url: text' to site.yml"
                        + " [front-matter-required]",
                "site/site.yml:2:1: error: unknown key 'descripton' in site.yml; did you mean 'description'?"
                        + " [front-matter-unknown-key]",
                "site/site.yml:3:19: error: default_language 'fr' is not one of the languages listed: en [config]",
                "site/site.yml:7:17: error: default_author 'nobody' is not under 'authors'; there are no authors in"
                        + " site.yml [config]"),
                build("""
                -- site/site.yml --
                title: Test
                descripton: typo
                default_language: fr
                languages:
                  - code: en
                    name: English
                default_author: nobody
                """));
    }

    @Test
    void baseUrlParameterOverridesSiteYml() {
        TestSites.write(root, TestSites.SITE_YML);
        BuildRequest request = TestSites.request(root);
        request = new BuildRequest(request.siteRoot(), request.contentDir(), request.templatesDir(), request.staticDir(),
                request.configFile(), request.outputDir(), Optional.of("https://staging.example.com/docs"), false,
                TestSites.TODAY);
        BuildResult result = new Answersite().build(request);
        assertEquals(List.of(), result.diagnostics());
        String topic = TestSites.read(root.resolve("target/site/topics/network/index.html"));
        org.junit.jupiter.api.Assertions.assertTrue(
                topic.contains("<link rel=\"canonical\" href=\"https://staging.example.com/docs/topics/network/\">"), topic);
        org.junit.jupiter.api.Assertions.assertTrue(topic.matches("(?s).*href=\"/docs/assets/answersite\\.[0-9a-f]{10}\\.css\".*"), topic);
    }

    @Test
    void twoBuildsRunningAtOnceInOneJvmGiveTheSameFilesAsOneAlone() {
        Path repository = TestSites.repositoryRoot();
        BuildRequest base = TestSites.request(repository);
        CompletableFuture<BuildResult> first = CompletableFuture.supplyAsync(
                () -> new Answersite().build(base.withOutputDir(root.resolve("a"))));
        CompletableFuture<BuildResult> second = CompletableFuture.supplyAsync(
                () -> new Answersite().build(base.withOutputDir(root.resolve("b"))));
        assertEquals(List.of(), first.join().diagnostics());
        assertEquals(List.of(), second.join().diagnostics());
        new Answersite().build(base.withOutputDir(root.resolve("alone")));
        Map<String, byte[]> alone = TestSites.snapshot(root.resolve("alone"));
        for (String run : List.of("a", "b")) {
            Map<String, byte[]> files = TestSites.snapshot(root.resolve(run));
            assertEquals(alone.keySet(), files.keySet());
            alone.forEach((path, bytes) -> assertArrayEquals(bytes, files.get(path), run + "/" + path));
        }
    }
}
