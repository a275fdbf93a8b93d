package io.answersite.sink;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Passes every file on to another output and shows it to an observer first, in the writing
 * thread: checks of the built site look at pages while their bytes are at hand, instead of
 * reading them back afterwards.
 */
public final class ObservedOutput implements SiteOutput {

    private final SiteOutput target;
    private final OutputObserver observer;

    public ObservedOutput(SiteOutput target, OutputObserver observer) {
        this.target = target;
        this.observer = observer;
    }

    @Override
    public void write(String relativePath, byte[] bytes) {
        observer.written(relativePath, bytes);
        target.write(relativePath, bytes);
    }

    @Override
    public void write(String relativePath, List<byte[]> parts) {
        observer.written(relativePath, parts);
        target.write(relativePath, parts);
    }

    @Override
    public void keepPublished(String relativePath, byte[] hash, Supplier<byte[]> bytes) {
        observer.kept(relativePath, hash, bytes);
        target.keepPublished(relativePath, hash, bytes);
    }

    @Override
    public List<String> paths() {
        return target.paths();
    }

    @Override
    public Set<String> pathSet() {
        return target.pathSet();
    }

    @Override
    public byte[] read(String relativePath) {
        return target.read(relativePath);
    }
}
