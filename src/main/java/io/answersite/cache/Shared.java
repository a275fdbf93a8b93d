package io.answersite.cache;

/**
 * A value that several outputs of one build read (a page's twin inputs are also its llms.json
 * entry's): compared with {@code equals} like the value itself, but digested once per instance by
 * {@link InputDigest}, so each output that holds it costs one lookup instead of a walk of its
 * structure.
 */
public record Shared(Object value) {
}
