package io.answersite.cache;

/**
 * A value that several outputs of one build read (a page's twin inputs are also its llms.json
 * entry's; its links in the graph are read by its view and its twin): compared with {@code equals}
 * like the value itself, but digested once per instance of the value by {@link InputDigest}, so each
 * output that holds it costs one lookup instead of a walk of its structure. Only for values that do
 * not change once made (the graph's lists).
 */
public record Shared(Object value) {
}
