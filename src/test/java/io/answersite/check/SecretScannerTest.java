package io.answersite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.TestSites;
import io.answersite.config.CheckSettings;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.maven.BuildMojo;
import io.answersite.maven.MojoRunner;
import io.answersite.site.Answersite;
import io.answersite.source.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content-safety scan. The fake credentials are assembled at run time, so that no file of this
 * repository holds a string that looks like a real secret.
 */
class SecretScannerTest {

    @TempDir
    Path root;

    /** A deterministic random-looking run of letters and digits. */
    private static String noise(int length, int seed) {
        String alphabet = "aB3dE5fG7hJ9kLmN2pQ4rS6tU8vWxYz0A1bC";
        StringBuilder out = new StringBuilder();
        long state = seed * 2654435761L + 12345;
        for (int i = 0; i < length; i++) {
            state = (state * 6364136223846793005L + 1442695040888963407L);
            out.append(alphabet.charAt((int) ((state >>> 33) % alphabet.length())));
        }
        return out.toString();
    }

    /** One example of each kind of credential, by the kind the message names. */
    private static Map<String, String> credentials() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("OpenAI API key", "sk-" + "proj-" + noise(40, 1));
        secrets.put("Anthropic API key", "sk-" + "ant-api03-" + noise(40, 2));
        secrets.put("Google API key", "AI" + "za" + noise(35, 3));
        secrets.put("AWS access key id", "AK" + "IA" + noise(16, 4).toUpperCase());
        secrets.put("GitHub token", "gh" + "p_" + noise(36, 5));
        secrets.put("Slack token", "xo" + "xb-" + noise(24, 6));
        secrets.put("Stripe live key", "sk" + "_live_" + noise(24, 7));
        secrets.put("JSON Web Token", "ey" + "J" + noise(20, 8) + ".ey" + "J" + noise(20, 9) + "." + noise(30, 10));
        secrets.put("bearer token", noise(32, 11));
        secrets.put("password in a URL", "Pw" + noise(14, 12));
        secrets.put("high-entropy secret", noise(32, 13));
        secrets.put("front-end environment variable with a secret", noise(28, 14));
        return secrets;
    }

    private static String page(Map<String, String> s) {
        return """
                -- content/answers/leak.md --
                ---
                title: Why?
                description: Leaks.
                date: 2026-02-01
                topic: network
                answer: "Use %s in the client."
                ---

                ```sh
                export ANTHROPIC_API_KEY=%s
                curl "https://example.com/?key=%s"
                aws configure set aws_access_key_id %s
                git clone https://%s@github.com/x/y
                curl -H "Authorization: Bearer %s" https://api.example.com/
                psql postgres://admin:%s@db.example.com/app
                ```

                Slack: %s, Stripe: %s, JWT: %s

                client_secret = "%s"
                NEXT_PUBLIC_OPENAI_KEY=%s
                """.formatted(s.get("OpenAI API key"), s.get("Anthropic API key"), s.get("Google API key"),
                s.get("AWS access key id"), s.get("GitHub token"), s.get("bearer token"), s.get("password in a URL"),
                s.get("Slack token"), s.get("Stripe live key"), s.get("JSON Web Token"), s.get("high-entropy secret"),
                s.get("front-end environment variable with a secret"));
    }

    @Test
    void everyKindOfCredentialFailsTheBuildMaskedInEveryLogLineAndReport() throws Exception {
        Map<String, String> secrets = credentials();
        TestSites.write(root, TestSites.SITE_YML + page(secrets));
        MojoRunner runner = new MojoRunner();
        BuildMojo mojo = runner.configure(new BuildMojo(), root);
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        List<String> findings = runner.log.stream().filter(l -> l.startsWith("[ERROR] content/answers/leak.md:")).toList();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            String masked = secret.getValue().substring(0, 4) + "…";
            assertTrue(findings.stream().anyMatch(l -> l.contains("possible " + secret.getKey() + " '" + masked + "'")),
                    secret.getKey() + " not reported in " + String.join("\n", findings));
        }
        assertEquals(secrets.size(), findings.size(), String.join("\n", findings));
        assertTrue(findings.contains("[ERROR] content/answers/leak.md:6:14: error: possible OpenAI API key 'sk-p…';"
                + " remove it; if it was ever real, revoke and rotate it (fingerprint "
                + SecretScanner.fingerprint("OpenAI API key", secrets.get("OpenAI API key"))
                + "; to publish it anyway, add the fingerprint to safety.allow in site.yml) [secret]"), findings.toString());

        List<String> everything = new ArrayList<>(runner.log);
        everything.add(failure.getMessage());
        try (Stream<Path> reports = Files.list(root.resolve("target/site-report"))) {
            for (Path report : reports.toList()) {
                everything.add(Files.readString(report));
            }
        }
        assertEquals(5, everything.size() - runner.log.size() - 1,
                "report.json, junit.xml, report.html, report.sarif and gl-code-quality-report.json");
        for (String secret : secrets.values()) {
            for (String output : everything) {
                assertFalse(output.contains(secret), "a secret appears unmasked in: " + output);
                assertFalse(output.contains(secret.substring(0, Math.min(12, secret.length()))),
                        "more than four characters of a secret appear in: " + output);
            }
        }
        assertFalse(Files.exists(root.resolve("target/site")), "nothing is published");
    }

    @Test
    void aBuildWithSecretsLeavesNoneOfThemAnywhereUnderTarget() throws Exception {
        Map<String, String> secrets = credentials();
        Map<String, String> harmless = new LinkedHashMap<>();
        secrets.forEach((kind, value) -> harmless.put(kind, "placeholder"));
        TestSites.write(root, TestSites.SITE_YML + page(harmless) + """
                -- content/answers/other.md --
                ---
                title: Why not?
                description: Nothing to hide.
                date: 2026-02-01
                topic: network
                answer: "Nothing secret here."
                ---
                """);
        MojoRunner runner = new MojoRunner();
        BuildMojo first = runner.configure(new BuildMojo(), root);
        MojoRunner.set(first, "cacheDir", root.resolve("target/answersite-cache").toFile());
        MojoRunner.set(first, "cache", true);
        first.execute();
        assertTrue(Files.isDirectory(root.resolve("target/answersite-cache")), "the first build filled the cache");

        TestSites.write(root, page(secrets)); // the cached page now holds every kind of credential
        BuildMojo second = runner.configure(new BuildMojo(), root);
        MojoRunner.set(second, "cacheDir", root.resolve("target/answersite-cache").toFile());
        MojoRunner.set(second, "cache", true);
        assertThrows(MojoFailureException.class, second::execute);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("target"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("load-")), files.toString());
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                String start = secret.getValue().substring(0, Math.min(12, secret.getValue().length()));
                assertFalse(bytes.contains(start),
                        secret.getKey() + " is kept in " + root.relativize(file));
            }
        }
        try (Stream<Path> beside = Files.list(root.resolve("target"))) {
            assertEquals(List.of(".site.lock", "answersite-cache", "nginx", "site", "site-report"),
                    beside.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder is left");
        }
    }

    @Test
    void placeholdersPassAndAllowedFingerprintsPass() {
        String key = "sk-" + "proj-" + noise(40, 21);
        TestSites.write(root, TestSites.withConfig(TestSites.SITE_YML, """
                safety:
                  allow: [%s]
                """.formatted(SecretScanner.fingerprint("OpenAI API key", key))) + """
                -- content/answers/ok.md --
                ---
                title: Why?
                description: Placeholders.
                date: 2026-02-01
                topic: network
                answer: "Set OPENAI_API_KEY=sk-xxxx, or sk-..., or YOUR_API_KEY; never NEXT_PUBLIC_API_KEY=<token>."
                ---

                ```
                Authorization: Bearer <token>
                Authorization: Bearer $OPENAI_API_KEY
                api_key = os.environ["OPENAI_API_KEY"]
                postgres://user:password@localhost/db
                NEXT_PUBLIC_OPENAI_KEY=YOUR_KEY_HERE
                %s
                ```
                """.formatted(key));
        assertEquals(List.of(), new Answersite().build(TestSites.request(root)).diagnostics());
    }

    @Test
    void sitePatternsCatchInternalHostsAndPrivateAddresses() {
        TestSites.write(root, TestSites.withConfig(TestSites.SITE_YML, """
                safety:
                  patterns:
                    - name: internal host
                      regex: '[a-z0-9-]+\\.corp\\.example\\.net'
                    - name: private IP
                      regex: '\\b(?:10\\.\\d{1,3}|192\\.168|172\\.(?:1[6-9]|2\\d|3[01]))\\.\\d{1,3}\\.\\d{1,3}\\b'
                """) + """
                -- content/answers/inside.md --
                ---
                title: Why?
                description: Internal.
                date: 2026-02-01
                topic: network
                answer: Call billing.corp.example.net from 10.2.3.4.
                ---
                """);
        List<String> lines = new Answersite().build(TestSites.request(root)).diagnostics().stream()
                .map(Diagnostic::format).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("content/answers/inside.md:6:14: error: matches the site's safety pattern"
                + " 'internal host': 'bill…'"), lines.get(0));
        assertTrue(lines.get(1).startsWith("content/answers/inside.md:6:44: error: matches the site's safety pattern"
                + " 'private IP': '10.2…'"), lines.get(1));
    }

    @Test
    void findsPrivateKeyHeadersEvenOneOfThousandsOfWords() {
        String begin = "-----" + "BEGIN ";
        String text = "a\n" + begin + "PRIVATE KEY-----\n" + begin + "RSA PRIVATE KEY-----\n"
                + begin + "ENCRYPTED PRIVATE KEY-----\nx " + begin + "WORD ".repeat(20_000) + "PRIVATE KEY-----\n"
                + begin + "RSA PUBLIC KEY-----\n";
        Diagnostics diagnostics = new Diagnostics();
        new SecretScanner(CheckSettings.DEFAULTS).check(new SourceText("content/answers/key.md", text), diagnostics);
        assertEquals(List.of("content/answers/key.md:2:1", "content/answers/key.md:3:1", "content/answers/key.md:4:1",
                "content/answers/key.md:5:3"), diagnostics.sorted().stream().map(d -> d.pos().toString()).toList());
        assertTrue(diagnostics.sorted().get(0).format().startsWith("content/answers/key.md:2:1: error: possible private"
                + " key block '----…'; remove it"), diagnostics.sorted().get(0).format());
    }

    @Test
    void masksToTheFirstFourCharacters() {
        assertEquals("sk-p…", SecretScanner.mask("sk-proj-abcdef"));
        assertEquals("密钥示例…", SecretScanner.mask("密钥示例再多"));
    }

    @Test
    void tryingPatternsOnlyWhereTheirStartsBeginFindsWhatTryingEveryPositionFinds() {
        Map<String, String> secrets = credentials();
        List<String> pieces = new ArrayList<>(List.of(" ", "\n", "x", "_", "-", ".", "=", ":", "\"", "'", "gh",
                "sk-", "sk-ant-", "sk_live_", "eyJ", "AIza", "AKIA", "xox", "Authorization: Bearer ", "bearer",
                "https://", "user:", "@host", "api_key", "apikey: ", "token=", "password: \"", "secret", "access-key",
                "NEXT_PUBLIC_API_KEY=", "VITE_SECRET=", "PUBLIC_", "-----BEGIN ", "RSA ", "PRIVATE KEY-----",
                "中文", "credential", "passwd=", noise(24, 40), noise(40, 41)));
        pieces.addAll(secrets.values());
        java.util.Random random = new java.util.Random(7);
        int withFindings = 0;
        for (int round = 0; round < 400; round++) {
            StringBuilder text = new StringBuilder("---\ntitle: t\n---\n");
            for (int i = 0, n = random.nextInt(40); i < n; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            SourceText source = new SourceText("content/answers/a.md", text.toString());
            Diagnostics fast = new Diagnostics();
            Diagnostics reference = new Diagnostics();
            new SecretScanner(CheckSettings.DEFAULTS).check(source, fast);
            new SecretScanner(CheckSettings.DEFAULTS, true).check(source, reference);
            assertEquals(reference.sorted(), fast.sorted(), "round " + round + ": " + text);
            withFindings += reference.sorted().isEmpty() ? 0 : 1;
        }
        assertTrue(withFindings > 200, "most texts hold findings: " + withFindings);
    }
}
