package io.answersite.source;

import java.nio.file.Path;

/**
 * A file's path under a folder as text with {@code /} separators, read off the two paths' text when
 * it can be: {@code Path.relativize} makes a path object per name and per step (about 3 KB per file),
 * and an edited 10,000-page build (default corpus shape) relativized every content file three times,
 * about 50 MB of its 790 MB of allocations (docs/PERFORMANCE.md, session 28).
 */
public final class RelativePaths {

    private RelativePaths() {
    }

    /**
     * {@code folder.relativize(file)} as text with {@code /} separators: read off the text when
     * {@link #plain} can, else by {@code relativize} itself.
     */
    public static String of(Path folder, Path file) {
        String plain = plain(folder, file);
        return plain != null ? plain : folder.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The rest of {@code file}'s text after {@code folder}'s and a separator, with {@code /}
     * separators, when it has them and neither path names {@code .} or {@code ..} (relativizing and
     * normalizing treat those apart); else null.
     */
    public static String plain(Path folder, Path file) {
        String separator = file.getFileSystem().getSeparator();
        String base = folder.toString();
        String path = file.toString();
        if (separator.length() != 1 || base.isEmpty() || base.endsWith(separator) || path.length() <= base.length() + 1
                || !path.startsWith(base) || path.charAt(base.length()) != separator.charAt(0)
                || !plainNames(base, separator.charAt(0), 0) || !plainNames(path, separator.charAt(0), base.length() + 1)) {
            return null;
        }
        String rest = path.substring(base.length() + 1);
        return separator.charAt(0) == '/' ? rest : rest.replace(separator.charAt(0), '/');
    }

    /** Whether no name of {@code path} from {@code from} on is {@code .} or {@code ..}, nor empty. */
    private static boolean plainNames(String path, char separator, int from) {
        int start = from;
        for (int i = from; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == separator) {
                int length = i - start;
                if (length == 0 && i != 0 || length == 1 && path.charAt(start) == '.'
                        || length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }
}
