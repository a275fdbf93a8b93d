package io.answersite.text;

/**
 * A list of a file's parts of which some may be bytes left in a file ({@link LeftBytes}): whoever
 * writes or compares the parts copies those through a buffer of its own instead of taking each one
 * as an array.
 */
public interface PartsLeftInFiles {

    /** Part {@code index} as bytes left in a file, or null when it is only an array (take it from the list). */
    LeftBytes left(int index);
}
