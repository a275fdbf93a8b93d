package io.answersite.work;

import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks (the full build resolves links on both
 * cores): the preview's patched graph resolves one page's edges, which mostly need no index of the
 * whole site; a build with the build cache asks which files changed only when a stage needs to know.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> make;
    private volatile T value;

    public Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = make.get();
                    value = made;
                }
            }
        }
        return made;
    }
}
