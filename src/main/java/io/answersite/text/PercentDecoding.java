package io.answersite.text;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Percent-decoding of URL paths and fragments, as written in links and requested from the preview. */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * {@code text} with its %-escapes decoded as UTF-8; a {@code +} stays a plus (it means a space
     * only in form data). Empty when an escape is malformed.
     */
    public static Optional<String> decode(String text) {
        if (text.indexOf('%') < 0) {
            return Optional.of(text);
        }
        try {
            return Optional.of(URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code text} decoded as {@link #decode} does, or as it is when an escape is malformed. */
    public static String decodeOrKeep(String text) {
        return text.indexOf('%') < 0 ? text : decode(text).orElse(text);
    }
}
