package io.answersite.emit;

import io.answersite.config.Language;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.SourcePos;
import io.answersite.output.SiteOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * llms.txt (in the llmstxt.org format: H1, blockquote, a paragraph, then H2 sections of
 * {@code - [name](url): notes} items linking to Markdown twins) and llms-full.txt (every published
 * page as Markdown), one of each per language: {@code /llms.txt}, {@code /en/llms.txt}.
 */
public final class LlmsFiles {

    public static final String RULE_BUDGET = "llms-budget";
    private static final List<Kind> SECONDARY = List.of(Kind.GUIDE, Kind.CHECKLIST, Kind.GLOSSARY);

    private final SiteText site;
    private final MarkdownTwins twins;
    private final String configLabel;

    public LlmsFiles(SiteText site, MarkdownTwins twins, String configLabel) {
        this.site = site;
        this.twins = twins;
        this.configLabel = configLabel;
    }

    public void emit(SiteOutput output, Diagnostics diagnostics) {
        for (Language language : site.config().languages()) {
            String prefix = site.urls().hubFolder(language.code());
            String index = llmsTxt(language.code());
            checkBudget(prefix + "llms.txt", index, site.config().llmsTxtMaxTokens(), "max_tokens_llms_txt", diagnostics);
            output.write(prefix + "llms.txt", index);
            String full = llmsFull(language.code());
            checkBudget(prefix + "llms-full.txt", full, site.config().llmsFullMaxTokens(), "max_tokens_llms_full",
                    diagnostics);
            output.write(prefix + "llms-full.txt", full);
        }
    }

    public String llmsTxt(String lang) {
        StringBuilder txt = new StringBuilder();
        Optional<Page> hub = site.graph().page(new PageKey(Kind.HUB, PageKey.HUB_ID, lang));
        String title = site.config().titleIn(site.config().language(lang).orElseThrow());
        String summary = hub.map(p -> p.common().description()).orElse(site.config().description());
        txt.append("# ").append(SiteText.oneLine(title)).append("\n\n");
        txt.append("> ").append(SiteText.oneLine(summary)).append("\n\n");
        txt.append(SiteText.oneLine(site.t(lang, "llms_intro"))).append("\n\n");

        Map<String, List<PageKey>> answersByTopic = new TreeMap<>();
        site.graph().pagesOf(Kind.ANSWER, lang).forEach(answer -> answersByTopic.computeIfAbsent(
                answer.common().topic() == null ? "" : answer.common().topic().value(), k -> new ArrayList<>())
                .add(answer.key()));
        answersByTopic.forEach((topic, answers) -> {
            String heading = site.graph().preferred(Kind.TOPIC, topic, lang)
                    .map(k -> site.graph().require(k).title()).orElse(site.t(lang, "list_answer"));
            section(heading, answers, txt);
        });
        for (Kind kind : SECONDARY) {
            section(site.t(lang, "list_" + kind.refName()), site.graph().pagesOf(kind, lang).map(Page::key).toList(), txt);
        }
        List<PageKey> optional = new ArrayList<>();
        site.graph().pagesOf(Kind.TOPIC, lang).forEach(p -> optional.add(p.key()));
        hub.ifPresent(p -> optional.add(p.key()));
        StringBuilder rest = new StringBuilder();
        optional.forEach(key -> item(key, rest));
        rest.append("- [llms-full.txt](").append(site.urls().absolute(site.urls().hubFolder(lang) + "llms-full.txt"))
                .append("): ").append(SiteText.oneLine(site.t(lang, "llms_full_note"))).append('\n');
        txt.append("## Optional\n\n").append(rest).append('\n');
        return txt.toString().strip() + "\n";
    }

    public String llmsFull(String lang) {
        StringBuilder full = new StringBuilder();
        String title = site.config().titleIn(site.config().language(lang).orElseThrow());
        full.append("# ").append(SiteText.oneLine(title)).append("\n\n");
        full.append("> ").append(SiteText.oneLine(site.config().description())).append("\n\n");
        for (Kind kind : Kind.values()) {
            site.graph().pagesOf(kind, lang).forEach(page -> full.append("---\n\n").append(twins.twin(page)).append('\n'));
        }
        return full.toString().strip() + "\n";
    }

    private void section(String heading, List<PageKey> keys, StringBuilder txt) {
        if (keys.isEmpty()) {
            return;
        }
        txt.append("## ").append(SiteText.oneLine(heading)).append("\n\n");
        keys.forEach(key -> item(key, txt));
        txt.append('\n');
    }

    private void item(PageKey key, StringBuilder txt) {
        Page page = site.graph().require(key);
        txt.append("- [").append(SiteText.oneLine(page.listTitle()).replace("]", "\\]")).append("](")
                .append(site.markdownUrl(key)).append("): ").append(SiteText.oneLine(page.summary())).append('\n');
    }

    private void checkBudget(String file, String text, int cap, String key, Diagnostics diagnostics) {
        if (cap <= 0) {
            return;
        }
        long tokens = Tokens.estimate(text);
        if (tokens > cap) {
            diagnostics.error(RULE_BUDGET, SourcePos.fileOnly(configLabel), file + " is about " + tokens
                    + " tokens, " + (tokens - cap) + " over the cap of " + cap + " set by llms." + key
                    + "; raise the cap or shorten the content (nothing is cut silently)");
        }
    }
}
