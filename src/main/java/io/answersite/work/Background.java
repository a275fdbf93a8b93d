package io.answersite.work;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A value made on a thread of its own while the build goes on (a cache read, a folder listed), asked
 * for where it is first needed. What making it threw is thrown where it is asked for, as if made there.
 */
public final class Background<T> {

    private final CompletableFuture<T> value;

    private Background(CompletableFuture<T> value) {
        this.value = value;
    }

    /** Starts making the value on a new thread named {@code threadName}. */
    public static <T> Background<T> start(String threadName, Supplier<T> make) {
        return new Background<>(CompletableFuture.supplyAsync(make, task -> new Thread(task, threadName).start()));
    }

    /** A value already made. */
    public static <T> Background<T> done(T value) {
        return new Background<>(CompletableFuture.completedFuture(value));
    }

    /** The value; waits for it. */
    public T get() {
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Waits until the value is made or failed, and throws nothing (a build ending before it asked). */
    public void awaitQuietly() {
        value.handle((made, failed) -> made).join();
    }
}
