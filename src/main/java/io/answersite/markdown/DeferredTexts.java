package io.answersite.markdown;

import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text runs of one document, kept out of Flexmark's HTML writer and put into its output
 * afterwards. The writer examines every character it is given (line, indent and whitespace
 * bookkeeping, one call per character): the text of a page's paragraphs was a fifth of rendering
 * its HTML (JFR, clean build of the topics-200 10,000-page corpus, under the client compiler). A
 * run the writer would copy unchanged is written as one placeholder character and spliced in by
 * {@link #splice}.
 *
 * <p>The writer copies a run unchanged, and leaves its own state as after any one other visible
 * character, when the run has no line break or tab, does not start or end with a space and has no
 * two spaces in a row (the writer may trim leading and trailing spaces and collapse runs of
 * them). A document whose HTML holds the placeholder character anywhere else (a code block, an
 * entity) does not splice; it is rendered again without deferring.
 */
final class DeferredTexts {

    /** On a document whose plain text runs are deferred while it is written. */
    static final NullableDataKey<DeferredTexts> KEY = new NullableDataKey<>("ANSWERSITE_DEFERRED_TEXTS");
    static final char PLACEHOLDER = '\uE000';
    private static final String PLACEHOLDER_TEXT = String.valueOf(PLACEHOLDER);

    private final List<String> texts = new ArrayList<>();
    private int length;

    /** Whether the writer would copy {@code text} unchanged and end as after any visible character. */
    static boolean deferrable(String text) {
        int last = text.length() - 1;
        if (last < 0 || text.charAt(0) == ' ' || text.charAt(last) == ' ') {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            switch (text.charAt(i)) {
                case '\n', '\t', PLACEHOLDER -> {
                    return false;
                }
                case ' ' -> {
                    if (text.charAt(i + 1) == ' ') { // i < last: the last character is not a space
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** The placeholder the writer is given instead of {@code text}. */
    String defer(String text) {
        texts.add(text);
        length += text.length();
        return PLACEHOLDER_TEXT;
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }

    /**
     * The writer's output with every placeholder replaced by its text, in order, or null when the
     * output holds another number of placeholder characters than texts were deferred.
     */
    String splice(String html) {
        StringBuilder out = new StringBuilder(html.length() + length);
        int from = 0;
        int next = 0;
        for (int at = html.indexOf(PLACEHOLDER); at >= 0; at = html.indexOf(PLACEHOLDER, at + 1)) {
            if (next == texts.size()) {
                return null;
            }
            out.append(html, from, at).append(texts.get(next++));
            from = at + 1;
        }
        if (next != texts.size()) {
            return null;
        }
        return out.append(html, from, html.length()).toString();
    }
}
