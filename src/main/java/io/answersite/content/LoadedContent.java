package io.answersite.content;

import java.util.List;

/** Everything the load stage read: pages and snippets, in file order. */
public record LoadedContent(List<Page> pages, List<Snippet> snippets) {
}
