package io.answersite.render;

import io.answersite.check.TermMatcher;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
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
 */
final class TermLinker {

    /** A term to link: how to find it and where it goes. */
    record Term(TermMatcher matcher, String url) {
    }

    private static final Set<String> SKIPPED = Set.of("a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script");

    private final List<Term> pending;

    TermLinker(List<Term> terms) {
        this.pending = new ArrayList<>(terms);
    }

    /** Plain text as HTML, with the first use of any term not linked yet turned into a link. */
    SafeString text(String plain) {
        StringBuilder html = new StringBuilder();
        String rest = plain;
        while (true) {
            Match match = first(rest);
            if (match == null) {
                html.append(escape(rest));
                return new SafeString(html.toString());
            }
            html.append(escape(rest.substring(0, match.start)))
                    .append("<a class=\"term-link\" href=\"").append(escape(match.term.url())).append("\">")
                    .append(escape(rest.substring(match.start, match.end))).append("</a>");
            pending.remove(match.term);
            rest = rest.substring(match.end);
        }
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
        Match match = first(text);
        if (match == null) {
            return;
        }
        TextNode after = node.splitText(match.start);
        TextNode rest = after.splitText(match.end - match.start);
        Element link = new Element("a").addClass("term-link").attr("href", match.term.url()).text(after.getWholeText());
        after.replaceWith(link);
        pending.remove(match.term);
        linkText(rest);
    }

    private Match first(String text) {
        Match best = null;
        for (Term term : pending) {
            OptionalInt start = term.matcher().firstIn(text);
            if (start.isPresent() && (best == null || start.getAsInt() < best.start)) {
                int length = term.matcher().lengthAt(text, start.getAsInt());
                best = new Match(term, start.getAsInt(), start.getAsInt() + length);
            }
        }
        return best;
    }

    private record Match(Term term, int start, int end) {
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
