package io.answersite.emit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text file assembled as UTF-8 parts: runs of text, encoded when a kept line follows, and lines kept
 * as bytes from build to build (a page's line in llms.txt or in a list's twin, made once while its
 * page is the same). A file of thousands of lines is then never one string, nor encoded again, in a
 * preview rebuild; {@link SiteText#endingInOneNewline} is what it ends like. When asked, also adds up
 * the file's {@link Tokens} count as it goes (only llms.txt has a token cap).
 */
final class TextParts {

    /** A kept line: its bytes and its characters as {@link Tokens} counts them. */
    record Line(byte[] bytes, Tokens.Count count) {
        /** @param counted whether the line's characters are counted (else its count is zero) */
        static Line of(String text, boolean counted) {
            return new Line(text.getBytes(StandardCharsets.UTF_8), counted ? Tokens.count(text) : NONE);
        }

        /**
         * The line as the build cache keeps it: its bytes, after its count's two numbers when counted
         * (llms.txt's lines under a token cap); uncounted, the bytes are the line's own, not copied.
         */
        byte[] stored(boolean counted) {
            if (!counted) {
                return bytes;
            }
            return ByteBuffer.allocate(2 * Long.BYTES + bytes.length).putLong(count.cjk()).putLong(count.other())
                    .put(bytes).array();
        }

        /**
         * What {@link #stored} gave.
         *
         * @throws IllegalArgumentException when {@code stored} is too short to be a counted line
         */
        static Line fromStored(byte[] stored, boolean counted) {
            if (!counted) {
                return new Line(stored, NONE);
            }
            if (stored.length < 2 * Long.BYTES) {
                throw new IllegalArgumentException("not a stored line: " + stored.length + " bytes");
            }
            ByteBuffer read = ByteBuffer.wrap(stored);
            long cjk = read.getLong();
            long other = read.getLong();
            return new Line(Arrays.copyOfRange(stored, 2 * Long.BYTES, stored.length), new Tokens.Count(cjk, other));
        }
    }

    private static final Tokens.Count NONE = new Tokens.Count(0, 0);

    private final List<byte[]> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final boolean counted;
    private Tokens.Count count = NONE;

    /** @param counted whether {@link #count} is wanted: its lines must then be counted too */
    TextParts(boolean counted) {
        this.counted = counted;
    }

    TextParts append(String more) {
        text.append(more);
        return this;
    }

    TextParts append(char more) {
        text.append(more);
        return this;
    }

    TextParts append(Line line) {
        flush();
        parts.add(line.bytes());
        count = count.plus(line.count());
        return this;
    }

    private void flush() {
        if (!text.isEmpty()) {
            String run = text.toString();
            parts.add(run.getBytes(StandardCharsets.UTF_8));
            count = count.plus(countOf(run));
            text.setLength(0);
        }
    }

    /**
     * The parts, the whole without its trailing white space and ending in one newline (the text must
     * not start with white space). Only the last parts are decoded to find where the text ends.
     */
    List<byte[]> endingInOneNewline() {
        flush();
        while (!parts.isEmpty()) {
            String last = new String(parts.remove(parts.size() - 1), StandardCharsets.UTF_8);
            Tokens.Count lastCount = countOf(last);
            count = new Tokens.Count(count.cjk() - lastCount.cjk(), count.other() - lastCount.other());
            String kept = SiteText.endingInOneNewline(new StringBuilder(last));
            if (kept.length() > 1) {
                parts.add(kept.getBytes(StandardCharsets.UTF_8));
                count = count.plus(countOf(kept));
                return parts;
            }
        }
        parts.add(new byte[] {'\n'});
        count = count.plus(countOf("\n"));
        return parts;
    }

    private Tokens.Count countOf(String run) {
        return counted ? Tokens.count(run) : NONE;
    }

    /** The count of what was added (after {@link #endingInOneNewline}: of the file as it ends); zero when not counted. */
    Tokens.Count count() {
        return count;
    }
}
