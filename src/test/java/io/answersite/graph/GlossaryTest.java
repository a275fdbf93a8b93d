package io.answersite.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.TestSites;
import io.answersite.content.Kind;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.site.Answersite;
import io.answersite.site.LoadedSite;
import io.answersite.site.StageTimes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The glossary as pages see it: which term pages a language links to, and lists of them as indexes. */
class GlossaryTest {

    @TempDir
    Path root;

    private static String termFile(String path, String title) {
        return "-- content/glossary/" + path + " --\n---\ntitle: " + title + "\ndescription: About " + title
                + ".\ndate: 2026-01-01\ntopic: network\ndefinition: What " + title + " means.\n---\n\nText.\n";
    }

    private Glossary glossary() {
        TestSites.write(root, TestSites.SITE_YML + termFile("dns.md", "DNS") + termFile("tls.md", "TLS")
                + termFile("tls.zh-CN.md", "传输层安全"));
        Diagnostics diagnostics = new Diagnostics();
        LoadedSite loaded = new Answersite().load(TestSites.request(root), diagnostics, new StageTimes());
        return loaded.glossary().orElseThrow(() -> new AssertionError(diagnostics.sorted()));
    }

    private static PageKey key(String id, String language) {
        return new PageKey(Kind.GLOSSARY, id, language);
    }

    @Test
    void eachLanguageLinksEveryTermToItsOwnPageOrTheDefaultLanguagesInTermOrder() {
        Glossary glossary = glossary();
        assertEquals(List.of("dns", "tls"), glossary.termIds());
        assertEquals(List.of(key("dns", "en"), key("tls", "en")), glossary.termPages("en"));
        assertEquals(List.of(key("dns", "en"), key("tls", "zh-CN")), glossary.termPages("zh-CN"));
    }

    @Test
    void aListOfTermPagesMadeFromIndexesIsToldAsThoseIndexesAndAnyOtherListIsNot() {
        Glossary glossary = glossary();
        BitSet tls = new BitSet();
        tls.set(1);
        List<PageKey> linked = glossary.termPages("zh-CN", tls);

        assertEquals(List.of(key("tls", "zh-CN")), linked);
        assertEquals(Optional.of(tls), glossary.termsOf("zh-CN", linked));
        assertEquals(Optional.empty(), glossary.termsOf("en", linked), "indexes into another language's pages");
        assertEquals(Optional.empty(), glossary.termsOf("zh-CN", Arrays.asList(key("tls", "zh-CN"))));
        assertEquals(Optional.empty(), glossary.termsOf("zh-CN", List.of()));
    }
}
