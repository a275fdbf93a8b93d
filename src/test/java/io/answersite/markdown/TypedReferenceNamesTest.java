package io.answersite.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.answersite.content.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown stage spells the kinds' reference names itself; they must be exactly those of {@link Kind}. */
class TypedReferenceNamesTest {

    @Test
    void everyKindsReferenceNameIsAPageLink() {
        for (String name : Kind.refNames()) {
            assertEquals(LinkRef.Target.PAGE, MarkdownRenderer.target(name + ":some-id"), name);
        }
    }

    @Test
    void aSchemeThatNamesNoKindIsNotAPageLink() {
        for (String scheme : List.of("mailto", "tel", "answers", "faq")) {
            assertNull(MarkdownRenderer.target(scheme + ":some-id"), scheme);
        }
    }

    @Test
    void referenceNamesAreListedContentKindsFirstThenTheHub() {
        assertEquals(List.of("answer", "guide", "checklist", "glossary", "topic", "hub"), Kind.refNames());
    }
}
