package io.answersite.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders (and the folders created in them) and calls back once per burst of changes: an
 * editor's save often touches a file several times, and one rebuild should follow.
 */
public final class SourceWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 40;

    private final WatchService service;
    private final Thread thread;
    private volatile boolean running = true;

    public SourceWatcher(List<Path> roots, Runnable onChange) {
        this(roots, changed -> onChange.run());
    }

    /** @param onChange called once per burst with the paths that were created, changed or deleted in it */
    public SourceWatcher(List<Path> roots, java.util.function.Consumer<java.util.Set<Path>> onChange) {
        try {
            this.service = FileSystems.getDefault().newWatchService();
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    registerTree(root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the sources", e);
        }
        this.thread = new Thread(() -> loop(onChange), "answersite-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop(java.util.function.Consumer<java.util.Set<Path>> onChange) {
        while (running) {
            try {
                java.util.Set<Path> changed = new java.util.TreeSet<>();
                WatchKey key = service.take();
                drain(key, changed);
                // wait for the burst to end, then rebuild once
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more, changed);
                }
                onChange.accept(changed);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                // a failed rebuild must not end the watcher; the next change tries again
                System.err.println("answersite: rebuild failed: " + e);
            }
        }
    }

    private void drain(WatchKey key, java.util.Set<Path> changed) {
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name) {
                changed.add(folder.resolve(name));
            } else {
                changed.add(folder); // overflow: the folder as a whole
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = folder.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        System.err.println("answersite: cannot watch " + created + ": " + e.getMessage());
                    }
                }
            }
        }
        key.reset();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
    }
}
