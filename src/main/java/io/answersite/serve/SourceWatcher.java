package io.answersite.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders recursively (folders created in them included) with {@code io.methvin:directory-watcher}
 * (native events on macOS, where the JDK's WatchService polls every few seconds; the JDK's on Linux
 * and Windows) and calls back once per burst of changes: an editor's save often touches a file
 * several times, and one rebuild should follow.
 */
public final class SourceWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 40;
    /** Put on the queue by {@link #close()}: the loop ends when it takes it. */
    private static final Path STOP = Path.of("");

    private final DirectoryWatcher watcher;
    private final BlockingQueue<Path> events = new LinkedBlockingQueue<>();
    private final Thread thread;

    public SourceWatcher(List<Path> roots, Runnable onChange) {
        this(roots, changed -> onChange.run());
    }

    /** @param onChange called once per burst with the paths that were created, changed or deleted in it */
    public SourceWatcher(List<Path> roots, Consumer<Set<Path>> onChange) {
        List<Path> folders = roots.stream().filter(Files::isDirectory).toList();
        try {
            this.watcher = folders.isEmpty() ? null : DirectoryWatcher.builder()
                    .paths(folders)
                    .fileHashing(false) // no reading of every file at start; a save is a change
                    .logger(org.slf4j.helpers.NOPLogger.NOP_LOGGER)
                    .listener(this::event)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the sources", e);
        }
        if (watcher != null) {
            watcher.watchAsync();
        }
        this.thread = new Thread(() -> loop(onChange), "answersite-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void event(DirectoryChangeEvent event) {
        // an overflow names the root whose events were lost: the folder as a whole changed
        Path path = event.path() != null ? event.path() : event.rootPath();
        if (path != null) {
            events.add(path);
        }
    }

    private void loop(Consumer<Set<Path>> onChange) {
        while (true) {
            try {
                Set<Path> changed = new TreeSet<>();
                Path first = events.take();
                if (first == STOP) {
                    return;
                }
                changed.add(first);
                // wait for the burst to end, then rebuild once
                Path more;
                while ((more = events.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    if (more == STOP) {
                        return;
                    }
                    changed.add(more);
                }
                onChange.accept(changed);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a failed rebuild must not end the watcher; the next change tries again
                System.err.println("answersite: rebuild failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        events.add(STOP);
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        thread.interrupt();
    }
}
