package io.answersite.output;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Passes every file on to another output and shows it to an observer first, in the writing
 * thread: checks of the built site look at pages while their bytes are at hand, instead of
 * reading them back afterwards.
 */
public final class ObservedOutput implements SiteOutput {

    private final SiteOutput target;
    private final BiConsumer<String, byte[]> observer;

    public ObservedOutput(SiteOutput target, BiConsumer<String, byte[]> observer) {
        this.target = target;
        this.observer = observer;
    }

    @Override
    public void write(String relativePath, byte[] bytes) {
        observer.accept(relativePath, bytes);
        target.write(relativePath, bytes);
    }

    @Override
    public void keepPublished(String relativePath, byte[] bytes) {
        observer.accept(relativePath, bytes);
        target.keepPublished(relativePath, bytes);
    }

    @Override
    public List<String> paths() {
        return target.paths();
    }

    @Override
    public byte[] read(String relativePath) {
        return target.read(relativePath);
    }
}
