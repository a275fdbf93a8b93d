package io.answersite.source;

import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import java.util.Optional;

/**
 * A page split into its YAML front matter and its Markdown body. The front matter sits between a
 * first line {@code ---} and the next line {@code ---}; lines are 1-based in the file.
 *
 * @param yaml the text between the two fences
 * @param yamlFirstLine the file line on which {@code yaml} starts
 * @param body the Markdown after the closing fence
 * @param bodyOffset the character offset of {@code body} in the file's text
 */
public record FrontMatter(SourceText source, String yaml, int yamlFirstLine, String body, int bodyOffset) {

    private static final String FENCE = "---";

    /**
     * Splits a page. An empty file, one that does not start with {@code ---} and one whose front
     * matter is never closed are reported, and give no result.
     */
    public static Optional<FrontMatter> split(SourceText source, String whatItNeeds, Diagnostics diagnostics) {
        String text = source.text();
        SourcePos start = SourcePos.startOf(source.path());
        if (text.isBlank()) {
            diagnostics.error(Rules.FILE_EMPTY, start, "the file is empty; a page starts with front matter between"
                    + " '---' lines (" + whatItNeeds + "), then its Markdown body");
            return Optional.empty();
        }
        int firstLineEnd = lineEnd(text, 0);
        if (!text.substring(0, firstLineEnd).strip().equals(FENCE)) {
            diagnostics.error(Rules.FRONT_MATTER_MISSING, start, "the file has no front matter; its first line must be '---',"
                    + " followed by the keys (" + whatItNeeds + ") and a closing '---'");
            return Optional.empty();
        }
        int lineStart = firstLineEnd + 1;
        while (lineStart <= text.length()) {
            int end = lineEnd(text, lineStart);
            String line = text.substring(lineStart, end).stripTrailing();
            if (line.equals(FENCE) || line.equals("...")) {
                String yaml = text.substring(Math.min(firstLineEnd + 1, lineStart), lineStart);
                int bodyOffset = Math.min(end + 1, text.length());
                return Optional.of(new FrontMatter(source, yaml, 2, text.substring(bodyOffset), bodyOffset));
            }
            lineStart = end + 1;
        }
        diagnostics.error(Rules.FRONT_MATTER_UNCLOSED, start, "the front matter is not closed; add a line '---' after its last key");
        return Optional.empty();
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
