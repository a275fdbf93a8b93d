package io.answersite.search;

import io.answersite.content.Page;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One document's tokens and their weights, in two parallel arrays: what a page contributes to the
 * search index. The page's fields and weights are decided here ({@link #of(Page)}), so that what search
 * finds in a page is read in one place; the byte form is the build cache's.
 */
record DocWeights(String[] tokens, int[] weights) {

    /**
     * The build cache's form: the number of tokens, each weight (four bytes), then the tokens in
     * UTF-8, each ended by a zero byte (tokens are words and bigrams: never a control character).
     * Decoding the text once and cutting it is several times faster than a string per read.
     */
    byte[] bytes() {
        StringBuilder text = new StringBuilder(tokens.length * 6);
        for (String token : tokens) {
            text.append(token).append('\0');
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(4 + weights.length * 4 + utf8.length);
        buffer.putInt(tokens.length);
        for (int weight : weights) {
            buffer.putInt(weight);
        }
        return buffer.put(utf8).array();
    }

    static DocWeights of(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int count = buffer.getInt();
        if (count < 0 || 4 + count * 4L > bytes.length) {
            throw new IllegalArgumentException("not a page's search weights");
        }
        int[] weights = new int[count];
        for (int i = 0; i < count; i++) {
            weights[i] = buffer.getInt();
        }
        String text = new String(bytes, 4 + count * 4, bytes.length - 4 - count * 4,
                StandardCharsets.UTF_8);
        String[] tokens = new String[count];
        int from = 0;
        for (int i = 0; i < count; i++) {
            int end = text.indexOf('\0', from);
            if (end < 0) {
                throw new IllegalArgumentException("not a page's search weights");
            }
            tokens[i] = text.substring(from, end);
            from = end + 1;
        }
        if (from != text.length()) {
            throw new IllegalArgumentException("not a page's search weights");
        }
        return new DocWeights(tokens, weights);
    }

    /** Each token's weight in one page: field weight times its count in the field (at most three). */
    static DocWeights of(Page page) {
        Map<String, int[]> weights = new HashMap<>();
        for (Map.Entry<String, Integer> field : fields(page).entrySet()) {
            Map<String, int[]> counts = new HashMap<>();
            SearchTokenizer.forEachToken(field.getKey(), token -> counts.computeIfAbsent(token, t -> new int[1])[0]++);
            int fieldWeight = field.getValue();
            counts.forEach((token, count) ->
                    weights.computeIfAbsent(token, t -> new int[1])[0] += fieldWeight * Math.min(count[0], 3));
        }
        String[] tokens = new String[weights.size()];
        int[] values = new int[weights.size()];
        int i = 0;
        for (Map.Entry<String, int[]> entry : weights.entrySet()) {
            tokens[i] = entry.getKey();
            values[i++] = entry.getValue()[0];
        }
        return new DocWeights(tokens, values);
    }

    /** Fields of a page and their weights, in a fixed order. */
    private static Map<String, Integer> fields(Page page) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        StringBuilder strong = new StringBuilder(page.title());
        StringBuilder medium = new StringBuilder(String.join(" ", page.common().tags()));
        StringBuilder plain = new StringBuilder();
        if (page instanceof Page.Answer answer) {
            strong.append(' ').append(answer.question());
            // front matter texts as read: link text kept, Markdown syntax and link targets dropped
            medium.append(' ').append(answer.plain("answer", answer.answer()));
            for (int i = 0; i < answer.basis().size(); i++) {
                plain.append(' ').append(answer.plain("basis/" + i, answer.basis().get(i)));
            }
            for (int i = 0; i < answer.nextSteps().size(); i++) {
                plain.append(' ').append(answer.plain("next_steps/" + i, answer.nextSteps().get(i)));
            }
            for (int i = 0; i < answer.faq().size(); i++) {
                Page.Faq item = answer.faq().get(i);
                plain.append(' ').append(answer.plain("faq/" + i + "/q", item.question())).append(' ')
                        .append(answer.plain("faq/" + i + "/a", item.answer()));
            }
        } else if (page instanceof Page.GlossaryTerm term) {
            strong.append(' ').append(term.term()).append(' ').append(String.join(" ", term.synonyms()));
            medium.append(' ').append(term.plain("definition", term.definition()));
        }
        medium.append(' ').append(page.common().description());
        // code stays in: readers search for error messages and names such as max_tokens
        plain.append(' ');
        appendWithoutLinkTargets(page.body().source(), plain);
        fields.put(strong.toString(), 4);
        fields.merge(medium.toString(), 2, Math::max);
        fields.merge(plain.toString(), 1, Math::max);
        return fields;
    }

    /**
     * Appends Markdown with each link target {@code ](…)} and anchor marker {@code {#…}} replaced
     * by a space: URLs and ids are not words a reader searches for.
     */
    static void appendWithoutLinkTargets(String markdown, StringBuilder out) {
        int copied = 0;
        for (int i = 0; i + 1 < markdown.length(); i++) {
            char c = markdown.charAt(i);
            char next = markdown.charAt(i + 1);
            int end = -1;
            if (c == ']' && next == '(') {
                end = markdown.indexOf(')', i + 2);
            } else if (c == '{' && next == '#') {
                end = markdown.indexOf('}', i + 2);
            }
            if (end >= 0) {
                out.append(markdown, copied, i).append(' ');
                copied = end + 1;
                i = end;
            }
        }
        out.append(markdown, copied, markdown.length());
    }
}
