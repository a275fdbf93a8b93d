package io.answersite.content;

import io.answersite.diagnostic.SourcePos;
import io.answersite.markdown.InlineMarkdown;
import io.answersite.markdown.MarkdownDoc;
import java.util.List;
import java.util.Map;

/**
 * A page of the site, one record per content kind. Every page has a key, the file it came from,
 * the common keys and a rendered body.
 */
public sealed interface Page permits Page.Answer, Page.Guide, Page.Checklist, Page.GlossaryTerm, Page.Topic, Page.Hub {

    PageKey key();

    /** The source file, relative to the site root. */
    String sourcePath();

    /** Where the id was set: the {@code id} key, or the start of the file. */
    SourcePos idPos();

    Common common();

    MarkdownDoc body();

    /** The same page with {@code body} in place of its own (the same body kept elsewhere: see {@link LoadCache}). */
    Page withBody(MarkdownDoc body);

    default String title() {
        return common().title();
    }

    /** The name a page goes by in lists and cards: its title, or a glossary page's term. */
    default String listTitle() {
        return title();
    }

    /**
     * The line that stands for a page in lists and cards: its description, or what a kind has better
     * (as plain text: a short answer or definition without its Markdown syntax).
     */
    default String summary() {
        return common().description();
    }

    /**
     * The front matter texts written with inline Markdown, by field: {@code answer}, {@code basis/0},
     * {@code next_steps/0}, {@code faq/0/q}, {@code faq/0/a}, {@code related/0/note} (indexes as
     * written), {@code definition}. A text not listed is plain: it has no Markdown syntax
     * ({@link io.answersite.markdown.MarkdownRenderer#isPlainText}) and reads as written.
     */
    default Map<String, InlineMarkdown> inline() {
        return Map.of();
    }

    /** The text of {@code field} as a reader sees it: {@code asWritten} without its Markdown syntax. */
    default String plain(String field, String asWritten) {
        InlineMarkdown text = inline().get(field);
        return text == null ? asWritten : text.plain();
    }

    /** A follow-up question and its answer. */
    record Faq(String question, String answer) {
    }

    /** A {@code related} item: the target, and an optional note shown instead of its description. */
    record Related(TypedRef ref, String note) {
    }

    record Answer(PageKey key, String sourcePath, SourcePos idPos, Common common, MarkdownDoc body,
                  String question, String answer, List<String> basis, List<String> nextSteps,
                  String summaryEn, List<Faq> faq, List<Related> related, Map<String, InlineMarkdown> inline)
            implements Page {

        @Override
        public Answer withBody(MarkdownDoc body) {
            return new Answer(key, sourcePath, idPos, common, body, question, answer, basis, nextSteps, summaryEn, faq,
                    related, inline);
        }

        /** The short answer. */
        @Override
        public String summary() {
            return plain("answer", answer);
        }

        /** The field of the note of the related item {@code ref} ({@link #inline}): {@code related/<index>/note}. */
        public String relatedNoteField(TypedRef ref) {
            return "related/" + related.stream().map(Related::ref).toList().indexOf(ref) + "/note";
        }
    }

    record Guide(PageKey key, String sourcePath, SourcePos idPos, Common common, MarkdownDoc body) implements Page {

        @Override
        public Guide withBody(MarkdownDoc body) {
            return new Guide(key, sourcePath, idPos, common, body);
        }
    }

    /** A checklist; its groups and items are the body's H2 sections and task lists. */
    record Checklist(PageKey key, String sourcePath, SourcePos idPos, Common common, MarkdownDoc body)
            implements Page {

        @Override
        public Checklist withBody(MarkdownDoc body) {
            return new Checklist(key, sourcePath, idPos, common, body);
        }
    }

    record GlossaryTerm(PageKey key, String sourcePath, SourcePos idPos, Common common, MarkdownDoc body,
                        String term, List<String> synonyms, String definition, Map<String, InlineMarkdown> inline)
            implements Page {

        @Override
        public GlossaryTerm withBody(MarkdownDoc body) {
            return new GlossaryTerm(key, sourcePath, idPos, common, body, term, synonyms, definition, inline);
        }

        @Override
        public String listTitle() {
            return term;
        }

        /** The definition. */
        @Override
        public String summary() {
            return plain("definition", definition);
        }
    }

    record Topic(PageKey key, String sourcePath, SourcePos idPos, Common common, MarkdownDoc body) implements Page {

        @Override
        public Topic withBody(MarkdownDoc body) {
            return new Topic(key, sourcePath, idPos, common, body);
        }
    }

    /** The answer hub's intro ({@code content/_index.md}). */
    record Hub(PageKey key, String sourcePath, SourcePos idPos, Common common, MarkdownDoc body) implements Page {

        @Override
        public Hub withBody(MarkdownDoc body) {
            return new Hub(key, sourcePath, idPos, common, body);
        }
    }
}
