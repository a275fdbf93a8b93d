package io.answersite.markdown;

/**
 * Where a body that exhausted the Markdown parser's stack most likely did it, so that the finding
 * points at a line an editor can fix rather than at the top of the file. Apart from the renderer
 * because it is a guess with its own rules (and tests), used only when parsing failed.
 */
final class DeepNesting {

    private DeepNesting() {
    }

    /**
     * Where the line starts that most likely exhausted the parser: the one that opens the most
     * quotes and lists (counting two columns of its indentation as one level), or is the longest run of
     * thematic-break marks; the body's start when no line opens more than one.
     */
    static int of(String body) {
        int best = 0;
        int bestScore = 1;
        for (int start = 0; start < body.length(); ) {
            int end = body.indexOf('\n', start);
            end = end < 0 ? body.length() : end;
            int score = Math.max(nesting(body, start, end), breakMarks(body, start, end));
            if (score > bestScore) {
                best = start;
                bestScore = score;
            }
            start = end + 1;
        }
        return best;
    }

    private static int nesting(String body, int start, int end) {
        int levels = 0;
        int spaces = 0;
        int i = start;
        while (i < end) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\t') {
                spaces += levels == 0 ? (c == '\t' ? 4 : 1) : 0; // indentation, not the space after a marker
                i++;
            } else if (c == '>') {
                levels++;
                i++;
            } else if ((c == '-' || c == '+' || c == '*') && i + 1 < end && body.charAt(i + 1) == ' ') {
                levels++;
                i += 2;
            } else {
                int digits = i;
                while (digits < end && digits - i < 9 && Character.isDigit(body.charAt(digits))) {
                    digits++;
                }
                if (digits == i || digits + 1 >= end || (body.charAt(digits) != '.' && body.charAt(digits) != ')')
                        || body.charAt(digits + 1) != ' ') {
                    break;
                }
                levels++;
                i = digits + 2;
            }
        }
        return levels + spaces / 2;
    }

    private static int breakMarks(String body, int start, int end) {
        int marks = 0;
        for (int i = start; i < end; i++) {
            char c = body.charAt(i);
            if (c == '-' || c == '*' || c == '_') {
                marks++;
            } else if (c != ' ' && c != '\t') {
                return 0;
            }
        }
        return marks;
    }
}
