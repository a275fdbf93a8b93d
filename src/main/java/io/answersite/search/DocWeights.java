package io.answersite.search;

import io.answersite.content.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One document's tokens, their hashes ({@link String#hashCode}'s) and their weights, in parallel
 * arrays: what a page contributes to the search index. The page's fields and weights are decided
 * here ({@link #of(Page)}), so that what search finds in a page is read in one place; each chunk of
 * them is kept merged ({@link ChunkPostings}).
 */
record DocWeights(String[] tokens, int[] hashes, int[] weights) {

    /** Each token's weight in one page: field weight times its count in the field (at most three). */
    static DocWeights of(Page page) {
        Map<String, Integer> fields = fields(page);
        int length = fields.keySet().stream().mapToInt(String::length).sum();
        // sized for the text (Chinese gives a distinct bigram every few characters), so the table rarely grows
        TokenCounts counts = new TokenCounts(fields.size(), length / 4);
        int[] fieldWeights = new int[fields.size()];
        int field = 0;
        for (Map.Entry<String, Integer> text : fields.entrySet()) {
            int index = field;
            fieldWeights[field++] = text.getValue();
            SearchTokenizer.forEachTokenRange(text.getKey(), (normalized, start, end) ->
                    counts.add(normalized, start, end, index));
        }
        String[] tokens = new String[counts.size()];
        int[] hashes = new int[counts.size()];
        int[] values = new int[counts.size()];
        int[] next = {0};
        counts.forEachHashed((token, hash, byField) -> {
            int weight = 0;
            for (int i = 0; i < byField.length; i++) {
                weight += fieldWeights[i] * Math.min(byField[i], 3);
            }
            tokens[next[0]] = token;
            hashes[next[0]] = hash;
            values[next[0]++] = weight;
        });
        return new DocWeights(tokens, hashes, values);
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
        // found with indexOf, not character by character: under the client compiler charAt on a
        // UTF-16 string checks its index in a call of its own (JFR, topics-200 10,000-page corpus)
        int copied = 0;
        int link = markdown.indexOf("](");
        int anchor = markdown.indexOf("{#");
        while (link >= 0 || anchor >= 0) {
            boolean isLink = link >= 0 && (anchor < 0 || link < anchor);
            int at = isLink ? link : anchor;
            int end = markdown.indexOf(isLink ? ')' : '}', at + 2);
            int next = at + 1;
            if (end >= 0) {
                out.append(markdown, copied, at).append(' ');
                copied = end + 1;
                next = end + 1;
            }
            if (link >= 0 && link < next) {
                link = markdown.indexOf("](", next);
            }
            if (anchor >= 0 && anchor < next) {
                anchor = markdown.indexOf("{#", next);
            }
        }
        out.append(markdown, copied, markdown.length());
    }
}
