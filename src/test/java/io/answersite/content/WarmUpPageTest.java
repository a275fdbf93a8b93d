package io.answersite.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.markdown.MarkdownRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmUpPageTest {

    @Test
    void theWarmUpPageIsAValidAnswerSoEveryStepOfReadingAPageRuns() {
        Diagnostics diagnostics = new Diagnostics();
        List<String> scanned = new ArrayList<>();

        Optional<Page> page = ContentLoader.warmUpPage(new MarkdownRenderer(), new YAMLFactory(),
                (source, found) -> scanned.add(source.path()), diagnostics);

        assertEquals(List.of(), diagnostics.sorted(), "a finding would stop the warm-up before the Markdown");
        assertEquals(List.of("warm-up.md"), scanned, "the text is scanned as a page file's is");
        Page.Answer answer = assertInstanceOf(Page.Answer.class, page.orElseThrow());
        assertTrue(answer.body().toString().contains("<table"), answer.body().toString());
        assertEquals(2, answer.related().size());
    }
}
