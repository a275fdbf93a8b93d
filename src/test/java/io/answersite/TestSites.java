package io.answersite;

import io.answersite.site.BuildRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Sites for tests: written inline as {@code -- path --} sections, or this repository's own. */
public final class TestSites {

    /** The date builds in tests run on, so that scheduling does not depend on the clock. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    /**
     * A site.yml with two languages (en, the default, and zh-CN) and one author, for inline sites.
     * The link-hygiene and editorial warnings are switched off, so that each test sees only the rule
     * it is about; {@link #SITE_YML_ALL_RULES} keeps them on.
     */
    public static final String SITE_YML = """
            -- site/site.yml --
            title: Test Answers
            description: Answers for tests.
            base_url: https://answers.example.com/
            default_language: en
            languages:
              - code: en
                name: English
              - code: zh-CN
                name: 简体中文
            authors:
              team:
                name: Test Team
            default_author: team
            rules:
              orphan: off
              answer-unbacked: off
              term-unused: off
              term-unlinked: off
              basis-empty: off
              next-steps-empty: off
              title-length: off
              question-duplicate: off
            -- content/topics/network.md --
            ---
            title: Network
            description: Connections.
            date: 2026-01-01
            ---
            """;

    /** {@link #SITE_YML} with every rule at its default severity. */
    public static final String SITE_YML_ALL_RULES = SITE_YML.replaceAll("(?s)rules:\\n(  [a-z-]+: off\\n)+", "");

    /** {@code site} (one of the site.yml specs here) with {@code yml} added to its site.yml. */
    public static String withConfig(String site, String yml) {
        return site.replace("-- content/topics/network.md --", yml.stripTrailing() + "\n-- content/topics/network.md --");
    }

    /** {@link #SITE_YML} with the named rules back at their default severity. */
    public static String siteYmlWith(String... rulesOn) {
        String yml = SITE_YML;
        for (String rule : rulesOn) {
            yml = yml.replace("  " + rule + ": off\n", "");
        }
        return yml;
    }

    private TestSites() {
    }

    /** The repository's root (Maven runs tests there). */
    public static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /**
     * Writes the files of {@code spec} into {@code root}. Each file starts with a line
     * {@code -- relative/path --}; the lines up to the next such line are its text.
     */
    public static Path write(Path root, String spec) {
        String path = null;
        StringBuilder text = new StringBuilder();
        String body = spec.endsWith("\n") ? spec.substring(0, spec.length() - 1) : spec;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
                if (path != null) {
                    writeFile(root.resolve(path), text.toString());
                }
                path = line.substring(3, line.length() - 3);
                text.setLength(0);
            } else if (path != null) {
                text.append(line).append('\n');
            }
        }
        if (path != null) {
            writeFile(root.resolve(path), text.toString());
        }
        return root;
    }

    /** Copies a site folder (e.g. examples/minimal-site), leaving out its target/ folder. */
    public static Path copySite(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                if (!relative.startsWith("target")) {
                    Files.createDirectories(to.resolve(relative.toString()).getParent());
                    Files.copy(file, to.resolve(relative.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** A copy of examples/minimal-site in {@code to}. */
    public static Path exampleSite(Path to) {
        return copySite(repositoryRoot().resolve("examples/minimal-site"), to);
    }

    public static BuildRequest request(Path root) {
        return BuildRequest.forSite(root, TODAY);
    }

    /** Every file under {@code dir} with its bytes, by relative path. */
    public static Map<String, byte[]> snapshot(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
