package io.answersite.diagnostic;

import java.util.Comparator;

/**
 * A place in a source file: its path relative to the site root (always with {@code /}), and a
 * 1-based line and column. A line or column of 0 means "not known" and is left out when printed.
 */
public record SourcePos(String path, int line, int column) implements Comparable<SourcePos> {

    private static final Comparator<SourcePos> ORDER = Comparator.comparing(SourcePos::path)
            .thenComparingInt(SourcePos::line)
            .thenComparingInt(SourcePos::column);

    public SourcePos {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a source position needs a path");
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
        }
    }

    /** The start of a file, for problems that concern the file as a whole. */
    public static SourcePos startOf(String path) {
        return new SourcePos(path, 1, 1);
    }

    /** A file without a known line, such as a template the engine names but cannot place. */
    public static SourcePos fileOnly(String path) {
        return new SourcePos(path, 0, 0);
    }

    @Override
    public int compareTo(SourcePos other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        if (line == 0) {
            return path;
        }
        if (column == 0) {
            return path + ":" + line;
        }
        return path + ":" + line + ":" + column;
    }
}
