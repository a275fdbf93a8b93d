package io.answersite.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.answersite.diagnostic.SourcePos;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TypedRefTest {

    private static final SourcePos POS = SourcePos.fileOnly("content/answers/a.md");

    /** The form as the reference documents it, as a regular expression, to compare the parser with. */
    private static final Pattern FORM = Pattern.compile("([a-z]+):([^#\\s]*)(?:#(\\S*))?");

    private static Optional<TypedRef> byPattern(String text) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.fromRefName(matcher.group(1));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String id = kind.get() == Kind.HUB ? PageKey.HUB_ID : matcher.group(2);
        return id.isEmpty() ? Optional.empty() : Optional.of(new TypedRef(kind.get(), id, matcher.group(3), POS));
    }

    @Test
    void parsesKindIdAndAnchor() {
        assertEquals(Optional.of(new TypedRef(Kind.GUIDE, "dns", "s1", POS)), TypedRef.parse(" guide:dns#s1 ", POS));
        assertEquals(Optional.of(new TypedRef(Kind.HUB, PageKey.HUB_ID, null, POS)), TypedRef.parse("hub:", POS));
        assertEquals(Optional.empty(), TypedRef.parse("../guides/dns.md", POS));
        assertEquals(Optional.empty(), TypedRef.parse("https://example.com/a", POS), "not a kind");
    }

    @Test
    void agreesWithTheDocumentedFormOnEdgeCases() {
        List<String> texts = List.of("answer:a", "answer:", "answer:a#", "answer:a#b#c", "answer:a b", "answer:a#b c",
                "answer:a:b", "Answer:a", "answer1:a", ":a", "answer", "answer:#x", "hub:#x", "hub:ignored",
                "glossary:dns\t", "topic:x\u000Bz", "checklist:x\u00a0y", "guide:ü#ö", "mailto:x@example.com",
                "guide:x?y=1", "", "  ", "answer:a\nb", "unknown:a");
        for (String text : texts) {
            assertEquals(byPattern(text), TypedRef.parse(text, POS), "'" + text + "'");
        }
    }
}
