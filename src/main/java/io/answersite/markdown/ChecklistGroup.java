package io.answersite.markdown;

import java.util.List;

/** An H2 group of a checklist and its task items, in page order. */
public record ChecklistGroup(String id, String title, List<ChecklistItem> items) {

    /** One task item: its anchor on the page and its plain text. */
    public record ChecklistItem(String id, String text) {
    }
}
