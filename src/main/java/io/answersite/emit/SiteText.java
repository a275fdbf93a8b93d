package io.answersite.emit;

import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.Located;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.LinkTarget;
import io.answersite.graph.UrlScheme;
import io.answersite.markdown.InlineMarkdown;
import io.answersite.markdown.MarkdownDoc;
import io.answersite.render.UiStrings;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * What every emitter needs besides the graph: absolute URLs, the UI strings of each language, and
 * the plain-text helpers machine files share.
 */
public final class SiteText {

    private final ContentGraph graph;
    private final UrlScheme urls;
    private final Map<String, Map<String, String>> strings;

    public SiteText(ContentGraph graph, Map<String, Map<String, String>> strings) {
        this.graph = graph;
        this.urls = graph.urls();
        this.strings = strings;
    }

    public ContentGraph graph() {
        return graph;
    }

    public SiteConfig config() {
        return graph.config();
    }

    public UrlScheme urls() {
        return urls;
    }

    /** The UI string {@code key} in {@code language} (see {@link UiStrings}). */
    public String t(String language, String key) {
        return UiStrings.get(strings, config(), language, key);
    }

    /** The UI strings of every language, by language code. */
    public Map<String, Map<String, String>> allStrings() {
        return strings;
    }

    /** The canonical URL of a page. */
    public String url(PageKey key) {
        return urls.absolute(urls.pageFolder(key));
    }

    /** The URL of a page's Markdown twin. */
    public String markdownUrl(PageKey key) {
        return urls.absolute(urls.pageFolder(key) + "index.md");
    }

    /** The page's body as Markdown with absolute links to canonical URLs. */
    public String bodyMarkdown(Page page) {
        return page.body().markdown(absoluteSlotUrls(page));
    }

    /**
     * A front matter text ({@link Page#inline} names the fields) as Markdown: as written, with each
     * internal link's target replaced by its absolute URL, like the body's.
     */
    public String fieldMarkdown(Page page, String field, String asWritten) {
        InlineMarkdown text = page.inline().get(field);
        return text == null ? asWritten : text.markdown(absoluteSlotUrls(page));
    }

    /** The absolute URL of each of a page's link slots (body, then front matter texts); {@code #} when unresolved. */
    private IntFunction<String> absoluteSlotUrls(Page page) {
        List<LinkTarget> slots = graph.linkTargets().getOrDefault(page.key(), List.of());
        return slot -> {
            LinkTarget target = LinkTarget.at(slots, slot);
            return target.isResolved() ? target.url(urls, true) : "#";
        };
    }

    /** The topic page a page belongs to, in its language when translated. */
    public Optional<PageKey> topicOf(Page page) {
        Located<String> topic = page.common().topic();
        return topic == null ? Optional.empty() : graph.preferred(Kind.TOPIC, topic.value(), page.key().language());
    }

    /**
     * {@code text}, which starts with no white space, without its trailing white space and ending in
     * one newline: {@code text.toString().strip() + "\n"} without the two copies of a file's worth of
     * text that costs (llms.txt and the lists' twins are megabytes at 10,000 pages, made again in
     * every preview rebuild).
     */
    static String endingInOneNewline(StringBuilder text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        text.setLength(end);
        return text.append('\n').toString();
    }

    /** One line: runs of white space (newlines included) become one space. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        if (isOneLine(text)) {
            return text; // most titles and summaries: no copy
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether {@link #oneLine} would give {@code text} back: white space only as single inner spaces.
     * Read from a copy of the characters, and the JDK's white space asked only about characters that
     * can be white space (below the space, or from U+1680 to U+3000, so never about Chinese
     * ideographs): with the client compiler alone, a call
     * of {@code charAt} and of {@code Character.isWhitespace} per character made this check 14 % of
     * the samples of emitting a 10,000-page site with many related items (JFR, related-many corpus).
     */
    static boolean isOneLine(String text) {
        char[] chars = text.toCharArray();
        int last = chars.length - 1;
        for (int i = 0; i <= last; i++) {
            char c = chars[i];
            if (c == ' ') {
                if (i == 0 || i == last || chars[i + 1] == ' ') {
                    return false;
                }
            } else if ((c < ' ' || c >= '\u1680' && c <= '\u3000') && Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** A date at the start of its day in the site's time zone, as ISO 8601 with offset. */
    public String dateTime(LocalDate date) {
        return date.atStartOfDay(config().timezone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
