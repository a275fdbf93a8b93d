package io.answersite.output;

/**
 * Another build held the output folder's lock for longer than this build would wait (see
 * {@link OutputLock}). Not a content error: the site may be fine, the folder was taken.
 */
public final class OutputBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutputBusyException(String message) {
        super(message);
    }
}
