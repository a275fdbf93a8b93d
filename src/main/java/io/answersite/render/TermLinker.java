package io.answersite.render;

import io.answersite.graph.TermAutomaton;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
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
        StringBuilder html = new StringBuilder(plain.length() + 16);
        int done = 0;
        for (TermAutomaton.Match match : linkable(plain)) {
            String url = urlByTerm.get(match.term());
            appendEscaped(html, plain, done, match.start());
            html.append("<a class=\"term-link\" href=\"");
            appendEscaped(html, url, 0, url.length());
            html.append("\">");
            appendEscaped(html, plain, match.start(), match.end());
            html.append("</a>");
            done = match.end();
        }
        appendEscaped(html, plain, done, plain.length());
        return new SafeString(html.toString());
    }

    /**
     * Rendered Markdown with the first use of any term not linked yet turned into a link. The HTML is
     * this generator's own Markdown output (raw HTML escaped, attribute values quoted and escaped), so
     * its text runs are found by a scan from tag to tag and the links are inserted into the text as
     * written; anything else (a comment, an entity other than the five the renderer writes) goes
     * through jsoup. Parsing every fragment with jsoup and writing it back was two fifths of the
     * linking time of a clean build on a site whose terms are common words.
     */
    String html(String html) {
        if (pending.isEmpty() || html.isEmpty()) {
            return html;
        }
        if (!isPlainMarkup(html)) {
            return htmlThroughJsoup(html);
        }
        StringBuilder out = null;
        int copied = 0;
        int skippedDepth = 0;
        int at = 0;
        while (at < html.length() && !pending.isEmpty()) {
            if (html.charAt(at) == '<') {
                int close = html.indexOf('>', at);
                boolean closing = html.charAt(at + 1) == '/';
                int nameStart = at + (closing ? 2 : 1);
                int nameEnd = nameStart;
                while (nameEnd < close && isNameChar(html.charAt(nameEnd))) {
                    nameEnd++;
                }
                if (SKIPPED.contains(html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT))
                        && html.charAt(close - 1) != '/') {
                    skippedDepth += closing ? -1 : 1;
                }
                at = close + 1;
                continue;
            }
            int end = html.indexOf('<', at);
            end = end < 0 ? html.length() : end;
            if (skippedDepth == 0) {
                RunText run = RunText.of(html, at, end);
                List<TermAutomaton.Match> links = linkable(run.text());
                for (TermAutomaton.Match match : links) {
                    out = out != null ? out : new StringBuilder(html.length() + 64 * links.size());
                    int start = run.rawOffset(match.start());
                    out.append(html, copied, start).append("<a class=\"term-link\" href=\"")
                            .append(escape(urlByTerm.get(match.term()))).append("\">")
                            .append(html, start, run.rawOffset(match.end())).append("</a>");
                    copied = run.rawOffset(match.end());
                }
            }
            at = end;
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
    }

    /**
     * Whether {@code html} holds only what the Markdown renderer writes: tags whose {@code >} ends them
     * (no comment, no {@code <!} or {@code <?}), and no entity but {@code &amp; &lt; &gt; &quot; &#39;}.
     */
    private static boolean isPlainMarkup(String html) {
        for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
            if (at + 1 >= html.length() || html.indexOf('>', at) < 0
                    || !(Character.isLetter(html.charAt(at + 1)) || html.charAt(at + 1) == '/')) {
                return false;
            }
        }
        for (int at = html.indexOf('&'); at >= 0; at = html.indexOf('&', at + 1)) {
            if (RunText.entityAt(html, at) == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** A run of HTML text between two tags, decoded, with the offset in the HTML of each of its characters. */
    private record RunText(String text, int[] rawOffsets, int rawStart) {

        private static final List<String> ENTITIES = List.of("&amp;", "&lt;", "&gt;", "&quot;", "&#39;");
        private static final String DECODED = "&<>\"'";

        static RunText of(String html, int start, int end) {
            int firstEntity = html.indexOf('&', start);
            if (firstEntity < 0 || firstEntity >= end) {
                return new RunText(html.substring(start, end), null, start);
            }
            StringBuilder text = new StringBuilder(end - start);
            int[] offsets = new int[end - start + 1];
            for (int at = start; at < end; ) {
                offsets[text.length()] = at;
                String entity = html.charAt(at) == '&' ? entityAt(html, at) : null;
                if (entity != null) {
                    text.append(DECODED.charAt(ENTITIES.indexOf(entity)));
                    at += entity.length();
                } else {
                    text.append(html.charAt(at++));
                }
            }
            offsets[text.length()] = end;
            return new RunText(text.toString(), offsets, start);
        }

        /** The entity of {@link #ENTITIES} that starts at {@code at}, or null. */
        static String entityAt(String html, int at) {
            for (String entity : ENTITIES) {
                if (html.startsWith(entity, at)) {
                    return entity;
                }
            }
            return null;
        }

        /** Where the character at {@code offset} of {@link #text} (or its end) is in the HTML. */
        int rawOffset(int offset) {
            return rawOffsets == null ? rawStart + offset : rawOffsets[offset];
        }
    }

    /**
     * {@link #html} for any HTML: parsed with jsoup, terms linked in its text nodes, written back (also
     * the reference the tests compare the scan with).
     */
    String htmlThroughJsoup(String html) {
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
            // jsoup splits only before the last character: a term that ends the text is the rest
            rest = match.end() < text.length() ? term.splitText(match.end() - match.start()) : null;
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
        StringBuilder html = new StringBuilder(text.length() + 8);
        appendEscaped(html, text, 0, text.length());
        return html.toString();
    }

    /** Appends {@code text} from {@code from} to {@code to} with {@code & < > "} escaped, in one pass. */
    private static void appendEscaped(StringBuilder html, String text, int from, int to) {
        int run = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            String entity = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : null;
            if (entity != null) {
                html.append(text, run, i).append(entity);
                run = i + 1;
            }
        }
        html.append(text, run, to);
    }
}
