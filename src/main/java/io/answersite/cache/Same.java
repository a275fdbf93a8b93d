package io.answersite.cache;

/**
 * Equal only to itself: a record read from a file stands for that file's content while the file is
 * unchanged (the loader hands back the same instance), so comparing inputs that hold it costs one
 * reference comparison. On disk, where there are no instances to compare, {@link InputDigest}
 * digests it as the file it was read from (its path and the SHA-256 of its bytes), or by its
 * content when it was not read from a file.
 */
public record Same(Object value) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Same that && that.value == value;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(value);
    }
}
