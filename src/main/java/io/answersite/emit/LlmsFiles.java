package io.answersite.emit;

import io.answersite.cache.Fragments;
import io.answersite.config.Language;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.sink.SiteOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * llms.txt (in the llmstxt.org format: H1, blockquote, a paragraph, then H2 sections of
 * {@code - [name](url): notes} items linking to Markdown twins) and llms-full.txt (every published
 * page as Markdown), one of each per language: {@code /llms.txt}, {@code /en/llms.txt}.
 */
public final class LlmsFiles {

    private static final List<Kind> SECONDARY = List.of(Kind.GUIDE, Kind.CHECKLIST, Kind.GLOSSARY);

    private final SiteText site;
    private final MarkdownTwins twins;
    private final String configLabel;
    private final Fragments fragments;

    public LlmsFiles(SiteText site, MarkdownTwins twins, String configLabel) {
        this(site, twins, configLabel, Fragments.none());
    }

    /** @param fragments each page's part of llms-full.txt from earlier builds, reused while its twin is the same */
    public LlmsFiles(SiteText site, MarkdownTwins twins, String configLabel, Fragments fragments) {
        this.site = site;
        this.twins = twins;
        this.configLabel = configLabel;
        this.fragments = fragments;
    }

    public void emit(SiteOutput output, Diagnostics diagnostics) {
        for (Language language : site.config().languages()) {
            String prefix = site.urls().hubFolder(language.code());
            FullText index = llmsTxt(language.code());
            if (site.config().llmsTxtMaxTokens() > 0) {
                checkBudget(prefix + "llms.txt", index.tokens(), site.config().llmsTxtMaxTokens(),
                        "max_tokens_llms_txt", diagnostics);
            }
            output.write(prefix + "llms.txt", index.parts());
            FullText full = llmsFull(language.code());
            if (site.config().llmsFullMaxTokens() > 0) {
                checkBudget(prefix + "llms-full.txt", full.tokens(), site.config().llmsFullMaxTokens(),
                        "max_tokens_llms_full", diagnostics);
            }
            output.write(prefix + "llms-full.txt", full.parts());
        }
    }

    /**
     * llms.txt of one language, in parts (each page's line kept as bytes, see {@link #item}), with its
     * estimated tokens (0 when the site sets no cap).
     */
    public FullText llmsTxt(String lang) {
        boolean counted = site.config().llmsTxtMaxTokens() > 0;
        TextParts txt = new TextParts(counted);
        Optional<Page> hub = site.graph().page(new PageKey(Kind.HUB, PageKey.HUB_ID, lang));
        String title = site.config().titleIn(site.config().language(lang).orElseThrow());
        String summary = hub.map(p -> p.common().description()).orElse(site.config().description());
        txt.append("# ").append(SiteText.oneLine(title)).append("\n\n");
        txt.append("> ").append(SiteText.oneLine(summary)).append("\n\n");
        txt.append(SiteText.oneLine(site.t(lang, "llms_intro"))).append("\n\n");

        site.graph().answersByTopic(lang).forEach((topic, answers) -> {
            String heading = site.graph().preferred(Kind.TOPIC, topic, lang)
                    .map(k -> site.graph().require(k).title()).orElse(site.t(lang, "list_answer"));
            section(heading, answers, txt);
        });
        for (Kind kind : SECONDARY) {
            section(site.t(lang, "list_" + kind.refName()), site.graph().pagesOf(kind, lang).map(Page::key).toList(), txt);
        }
        txt.append("## Optional\n\n");
        site.graph().pagesOf(Kind.TOPIC, lang).forEach(p -> txt.append(item(p.key())));
        hub.ifPresent(p -> txt.append(item(p.key())));
        txt.append("- [llms-full.txt](").append(site.urls().absolute(site.urls().hubFolder(lang) + "llms-full.txt"))
                .append("): ").append(SiteText.oneLine(site.t(lang, "llms_full_note"))).append('\n');
        txt.append('\n');
        List<byte[]> parts = txt.endingInOneNewline();
        return new FullText(parts, txt.count().estimate());
    }

    /**
     * llms.txt or llms-full.txt in parts (llms-full.txt's in order: the header, then each page's part,
     * the last without its final line break), with its estimated tokens (for llms-full.txt 0 when the
     * site sets no cap: nobody reads them).
     */
    public record FullText(List<byte[]> parts, long tokens) {
        public byte[] bytes() {
            return SiteOutput.join(parts);
        }

        public String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * llms-full.txt of one language: a title, then every page's twin after a rule and before a line
     * break (the last page's without it). Made of the twins' own bytes, not copies, taken as the
     * output writes them (a large site's from a file, see {@link MarkdownTwins#twin}), so a build
     * never holds the file whole, and a preview rebuild's parts are mostly the last one's objects.
     * Tokens are counted only when the site caps them, each page's count kept with its twin.
     */
    public FullText llmsFull(String lang) {
        String title = site.config().titleIn(site.config().language(lang).orElseThrow());
        String header = "# " + SiteText.oneLine(title) + "\n\n> " + SiteText.oneLine(site.config().description())
                + "\n\n";
        boolean counted = site.config().llmsFullMaxTokens() > 0;
        List<Page> pages = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            site.graph().pagesOf(kind, lang).forEach(pages::add);
        }
        if (pages.isEmpty()) {
            String text = header.strip() + "\n";
            return new FullText(List.of(text.getBytes(StandardCharsets.UTF_8)), counted ? Tokens.estimate(text) : 0);
        }
        long tokens = 0;
        if (counted) {
            // each part ends with its twin's last line and a blank line; the file ends with one line break
            Tokens.Count count = Tokens.count(header);
            for (Page page : pages) {
                byte[] twin = twins.twinBytes(page);
                count = count.plus(fragments.get("llms-full-count", page.key(), twin, null,
                        () -> Tokens.count(RULE + new String(twin, StandardCharsets.UTF_8) + "\n")));
            }
            tokens = count.minusOneOther().estimate();
        }
        List<Supplier<byte[]>> parts = new ArrayList<>(3 * pages.size());
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        parts.add(() -> head);
        for (Page page : pages) {
            if (parts.size() > 1) {
                parts.add(() -> LINE_BREAK);
            }
            parts.add(() -> RULE_BYTES);
            parts.add(twins.twin(page)); // made by the twins' emit before: as given, copied from a file when left there
        }
        return new FullText(new PartsAsTaken(parts), tokens);
    }

    private static final String RULE = "---\n\n";
    private static final byte[] RULE_BYTES = RULE.getBytes(StandardCharsets.UTF_8);
    private static final byte[] LINE_BREAK = {'\n'};

    private void section(String heading, List<PageKey> keys, TextParts txt) {
        if (keys.isEmpty()) {
            return;
        }
        txt.append("## ").append(SiteText.oneLine(heading)).append("\n\n");
        keys.forEach(key -> txt.append(item(key)));
        txt.append('\n');
    }

    /**
     * A page's line in llms.txt, kept while the page record and site.yml are the same: in the preview,
     * and by the build cache (an edited build otherwise made every page's line again).
     */
    private TextParts.Line item(PageKey key) {
        Page page = site.graph().require(key);
        boolean counted = site.config().llmsTxtMaxTokens() > 0; // site.yml: among the constants
        return fragments.get("llms-item", key, page, twins.sameConstants(), () -> TextParts.Line.of("- ["
                + SiteText.oneLine(page.listTitle()).replace("]", "\\]") + "](" + site.markdownUrl(key) + "): "
                + SiteText.oneLine(page.summary()) + "\n", counted),
                line -> line.stored(counted), stored -> TextParts.Line.fromStored(stored, counted));
    }

    private void checkBudget(String file, long tokens, int cap, String key, Diagnostics diagnostics) {
        if (cap <= 0) {
            return;
        }
        if (tokens > cap) {
            diagnostics.error(Rules.LLMS_BUDGET, SourcePos.fileOnly(configLabel), file + " is about " + tokens
                    + " tokens, " + (tokens - cap) + " over the cap of " + cap + " set by llms." + key
                    + "; raise the cap or shorten the content (nothing is cut silently)");
        }
    }
}
