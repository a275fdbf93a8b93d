package io.answersite.content;

import io.answersite.diagnostic.SourcePos;
import io.answersite.markdown.Heading;
import io.answersite.markdown.InlineMarkdown;
import io.answersite.markdown.MarkdownDoc;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an edit of a page changed only what the page shows of itself: the texts of its own page,
 * never what the content graph is built from. Such an edit leaves every list, topic, "more answers"
 * choice, related item, anchor and link of the site as it was; every other page that shows the edited
 * one reads its record (a card shows its title and short answer), so a build that knows which pages
 * read which records can find exactly the pages such an edit reaches without comparing every page's
 * inputs (see {@code render.RenderCache#keptInputs}).
 *
 * <p>The texts that are only shown: an answer's short answer, question, basis, next steps, English
 * summary, FAQ and related notes (whether each is empty, and how many items it has, name sections and
 * anchors: those count), any page's rendered body and Markdown (not its links, anchors and checklist
 * ids), and where anything was written (positions move when a text above them grows). Everything else,
 * titles, descriptions, dates, tags, topics, glossary terms, counts as structure. A kind or field not
 * listed here counts as structure: a new field can make the build slower, never wrong.
 */
public final class PageStructure {

    private PageStructure() {
    }

    /**
     * Whether {@code after}, a file's new page, differs from {@code before}, its page in the last build,
     * only in texts the page shows of itself; false for anything but two pages of one kind.
     */
    public static boolean same(Object before, Object after) {
        if (!(before instanceof Page old) || !(after instanceof Page now) || old.getClass() != now.getClass()
                || !old.key().equals(now.key()) || !old.sourcePath().equals(now.sourcePath())) {
            return false;
        }
        return equalIgnoringPositions(structureOf(old), structureOf(now));
    }

    /** The page with every text it only shows replaced by a mark of whether it was empty. */
    static Page structureOf(Page page) {
        MarkdownDoc body = bodyStructure(page.body());
        if (page instanceof Page.Answer answer) {
            List<Page.Faq> faq = answer.faq().stream().map(f -> new Page.Faq(mark(f.question()), mark(f.answer())))
                    .toList();
            List<Page.Related> related = answer.related().stream().map(r -> new Page.Related(r.ref(), mark(r.note())))
                    .toList();
            Map<String, InlineMarkdown> inline = new LinkedHashMap<>();
            answer.inline().forEach((field, text) -> inline.put(field,
                    new InlineMarkdown(bodyStructure(text.doc()), "", text.firstSlot())));
            return new Page.Answer(answer.key(), answer.sourcePath(), answer.idPos(), answer.common(), body,
                    mark(answer.question()), mark(answer.answer()), marks(answer.basis()), marks(answer.nextSteps()),
                    mark(answer.summaryEn()), faq, related, inline);
        }
        return page.withBody(body);
    }

    /** What of a body the graph reads: its links and anchors, its checklist groups and its headings' ids. */
    private static MarkdownDoc bodyStructure(MarkdownDoc body) {
        List<Heading> headings = body.headings().stream().map(h -> new Heading(h.level(), "", h.id())).toList();
        return new MarkdownDoc("", "", headings, body.links(), body.checklistGroups(), body.anchors(), "", List.of(),
                List.of(), List.of());
    }

    private static String mark(String text) {
        return text == null ? null : text.isBlank() ? "" : "shown";
    }

    private static List<String> marks(List<String> texts) {
        List<String> marks = new ArrayList<>(texts.size());
        texts.forEach(text -> marks.add(mark(text)));
        return marks;
    }

    /** Equal as values, records component by component, where any two positions count as equal. */
    static boolean equalIgnoringPositions(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof SourcePos && b instanceof SourcePos) {
            return true;
        }
        if (a.getClass().isRecord()) {
            if (a.getClass() != b.getClass()) {
                return false;
            }
            for (RecordComponent component : a.getClass().getRecordComponents()) {
                if (!equalIgnoringPositions(valueOf(component, a), valueOf(component, b))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return sameElements(x, y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            // in order: a page's front matter keys are read in the order written
            return sameElements(new ArrayList<>(x.keySet()), new ArrayList<>(y.keySet()))
                    && sameElements(new ArrayList<>(x.values()), new ArrayList<>(y.values()));
        }
        return Objects.equals(a, b);
    }

    private static boolean sameElements(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<?> x = a.iterator();
        Iterator<?> y = b.iterator();
        while (x.hasNext()) {
            if (!equalIgnoringPositions(x.next(), y.next())) {
                return false;
            }
        }
        return true;
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true); // records nested in package-private classes: the plugin is no module
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a " + record.getClass(), e);
        }
    }
}
