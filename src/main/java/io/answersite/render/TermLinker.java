package io.answersite.render;

import io.answersite.graph.TermAutomaton;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Links the first use of each glossary term on one page (site.yml {@code glossary_autolink}). Fed
 * the page's texts in reading order; every term is linked once, where it first appears. Plain text
 * comes out escaped; in rendered Markdown only text outside links, code and headings is touched.
 * Each text is scanned once by the language's {@link TermAutomaton}, whatever the number of terms.
 */
final class TermLinker {

    private static final Set<String> SKIPPED = Set.of("a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script");

    private final TermAutomaton automaton;
    private final Map<Integer, String> urlByTerm;
    private final BitSet pending;

    /** @param urlByTerm the terms to link, by their index in the automaton, with the URL of each */
    TermLinker(TermAutomaton automaton, Map<Integer, String> urlByTerm) {
        this.automaton = automaton;
        this.urlByTerm = urlByTerm;
        this.pending = new BitSet();
        urlByTerm.keySet().forEach(pending::set);
    }

    /** Plain text as HTML, with the first use of any term not linked yet turned into a link. */
    SafeString text(String plain) {
        StringBuilder html = new StringBuilder();
        int done = 0;
        for (TermAutomaton.Match match : linkable(plain)) {
            html.append(escape(plain.substring(done, match.start())))
                    .append("<a class=\"term-link\" href=\"").append(escape(urlByTerm.get(match.term()))).append("\">")
                    .append(escape(plain.substring(match.start(), match.end()))).append("</a>");
            done = match.end();
        }
        html.append(escape(plain.substring(done)));
        return new SafeString(html.toString());
    }

    /** Rendered Markdown with the first use of any term not linked yet turned into a link. */
    String html(String html) {
        if (pending.isEmpty() || html.isEmpty()) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        linkIn(document.body());
        return document.body().html();
    }

    private void linkIn(Element element) {
        for (Node child : new ArrayList<>(element.childNodes())) {
            if (pending.isEmpty()) {
                return;
            }
            if (child instanceof Element nested && !SKIPPED.contains(nested.normalName())) {
                linkIn(nested);
            } else if (child instanceof TextNode text) {
                linkText(text);
            }
        }
    }

    private void linkText(TextNode node) {
        String text = node.getWholeText();
        List<TermAutomaton.Match> links = linkable(text);
        TextNode rest = node;
        int consumed = 0;
        for (TermAutomaton.Match match : links) {
            TextNode term = rest.splitText(match.start() - consumed);
            rest = term.splitText(match.end() - match.start());
            term.replaceWith(new Element("a").addClass("term-link").attr("href", urlByTerm.get(match.term()))
                    .text(term.getWholeText()));
            consumed = match.end();
        }
    }

    /**
     * The uses to link in {@code text}, left to right: the first use of each pending term that does
     * not overlap a use linked before it (at one place, the term listed first wins). Marks them linked.
     */
    private List<TermAutomaton.Match> linkable(String text) {
        List<TermAutomaton.Match> links = new ArrayList<>();
        if (pending.isEmpty() || text.isEmpty()) {
            return links;
        }
        int free = 0;
        for (TermAutomaton.Match match : automaton.matches(text, pending)) {
            if (match.start() >= free && pending.get(match.term())) {
                links.add(match);
                pending.clear(match.term());
                free = match.end();
                if (pending.isEmpty()) {
                    break;
                }
            }
        }
        return links;
    }

    /** Text as HTML: {@code & < > "} escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
