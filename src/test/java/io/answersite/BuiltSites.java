package io.answersite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.site.Answersite;
import io.answersite.site.BuildResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * This repository's site, built once per test JVM for the test classes that only read it. The
 * generator itself holds no such state; this cache only saves test time.
 */
public final class BuiltSites {

    private static Path repositorySite;
    private static Path pagedRepositorySite;

    /** What {@link #pagedRepositorySite} adds to this repository's site.yml. */
    public static final String PAGED = "list_page_size: 2\nhub_answers_per_topic: 1\n";

    private BuiltSites() {
    }

    public static synchronized Path repositorySite() {
        if (repositorySite == null) {
            try {
                Path dir = Files.createTempDirectory("answersite-repository-site");
                Path site = dir.resolve("site");
                BuildResult result = new Answersite().build(TestSites.request(TestSites.repositoryRoot()).withOutputDir(site));
                assertEquals(List.of(), result.diagnostics(), "the repository's site builds cleanly");
                repositorySite = site;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return repositorySite;
    }

    /**
     * This repository's site with two entries a list page and one answer per topic on the hub
     * ({@link #PAGED}), so that its few pages show every list split and every hub group cut short.
     */
    public static synchronized Path pagedRepositorySite() {
        if (pagedRepositorySite == null) {
            try {
                Path root = Files.createTempDirectory("answersite-paged-site");
                TestSites.copySite(TestSites.repositoryRoot().resolve("content"), root.resolve("content"));
                TestSites.copySite(TestSites.repositoryRoot().resolve("site"), root.resolve("site"));
                Path yml = root.resolve("site/site.yml");
                Files.writeString(yml, Files.readString(yml) + PAGED);
                BuildResult result = new Answersite().build(TestSites.request(root));
                assertEquals(List.of(), result.diagnostics(), "the repository's site builds cleanly with short list pages");
                pagedRepositorySite = TestSites.request(root).outputDir();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pagedRepositorySite;
    }

    /** Every file under {@code site} whose name ends with {@code suffix}, as paths relative to it. */
    public static List<String> files(Path site, String suffix) {
        try (Stream<Path> paths = Files.walk(site)) {
            return paths.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
