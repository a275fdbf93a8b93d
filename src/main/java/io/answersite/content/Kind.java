package io.answersite.content;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The closed set of content kinds, with the folder each lives in and its name in typed references. */
public enum Kind {
    HUB("", "hub"),
    ANSWER("answers", "answer"),
    GUIDE("guides", "guide"),
    CHECKLIST("checklists", "checklist"),
    GLOSSARY("glossary", "glossary"),
    TOPIC("topics", "topic");

    private final String folder;
    private final String refName;

    Kind(String folder, String refName) {
        this.folder = folder;
        this.refName = refName;
    }

    /** The folder under {@code content/} and the first URL segment; empty for the hub. */
    public String folder() {
        return folder;
    }

    /** The name in typed references ({@code guide:network-troubleshooting}) and in templates. */
    public String refName() {
        return refName;
    }

    /** The kinds an editor writes files of, in the order messages list them: every kind but the hub. */
    public static List<Kind> contentKinds() {
        return Arrays.stream(values()).filter(k -> k != HUB).toList();
    }

    /**
     * The names a typed reference may start with, in the order messages list them: the content kinds,
     * then {@code hub}.
     */
    public static List<String> refNames() {
        return Stream.concat(contentKinds().stream(), Stream.of(HUB)).map(Kind::refName).toList();
    }

    public static Optional<Kind> fromFolder(String folder) {
        for (Kind kind : ALL) { // a loop, not a stream: every content file asks, in every preview rebuild
            if (kind != HUB && kind.folder.equals(folder)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** As {@link #fromRefName(String)}, for the name written in {@code text} before {@code end}. */
    static Optional<Kind> fromRefName(String text, int end) {
        for (Kind kind : ALL) {
            if (kind.refName.length() == end && text.startsWith(kind.refName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static Optional<Kind> fromRefName(String name) {
        for (Kind kind : ALL) { // not values(), which copies the array: every typed link asks
            if (kind.refName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static final List<Kind> ALL = List.of(values());

    /** Whether pages of this kind must name a topic. */
    public boolean requiresTopic() {
        return this == ANSWER || this == GUIDE || this == CHECKLIST;
    }
}
