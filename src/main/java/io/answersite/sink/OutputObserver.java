package io.answersite.sink;

import java.util.List;
import java.util.function.Supplier;

/**
 * Sees every file a build puts into its output, in the thread that puts it there (see
 * {@link ObservedOutput}): checks of the built site look at pages while their bytes are at hand
 * instead of reading them back afterwards.
 */
public interface OutputObserver {

    /** A file written with these bytes. */
    void written(String relativePath, byte[] bytes);

    /** A file written as these parts, in order ({@link SiteOutput#write(String, List)}); by default seen whole. */
    default void written(String relativePath, List<byte[]> parts) {
        written(relativePath, SiteOutput.join(parts));
    }

    /**
     * A published file kept as it is ({@link SiteOutput#keepPublished}): its hash as the last
     * build recorded it, and its bytes, read only if asked for. An observer that knows what it needs
     * of a file with that hash need not read it at all.
     */
    default void kept(String relativePath, byte[] hash, Supplier<byte[]> bytes) {
        written(relativePath, bytes.get());
    }
}
