package io.answersite.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The right to change one output folder: an operating-system lock on the file {@code .<name>.lock}
 * beside it, held from before the build looks at the output folder until its commit is done, so that
 * two builds into one folder (two terminals, CI and an editor) run one after the other and the
 * folder never holds a mix of both. The lock file says who holds it (process id and since when);
 * it stays in place between builds. The lock dies with its process: a killed build leaves no stale
 * lock.
 *
 * <p>The one piece of static mutable state in the plugin, and why: the operating system keeps file
 * locks per process, and on Linux closing <em>any</em> handle of the lock file releases every lock
 * the process holds on it (see {@link FileLock}). Builds in one JVM therefore agree among
 * themselves first, through {@link #HELD_HERE}, and only the one that wins opens the file.
 */
public final class OutputLock implements AutoCloseable {

    /** The lock files this JVM holds or is trying to take right now (see the class comment). */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private static final long POLL_MILLIS = 200;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code outputDir}: {@code .<name>.lock} in the same parent folder. */
    public static Path fileOf(Path outputDir) {
        Path absolute = outputDir.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code outputDir}, waiting up to {@code wait} while another build holds it;
     * {@code waiting} hears once that this build waits, and for whom.
     *
     * @throws OutputBusyException when the other build still holds it after {@code wait}
     */
    public static OutputLock acquire(Path outputDir, Duration wait, Consumer<String> waiting) {
        Path file = fileOf(outputDir);
        Path output = outputDir.toAbsolutePath().normalize();
        Instant deadline = Instant.now().plus(wait);
        boolean announced = false;
        while (true) {
            String holder = "another build in this process";
            if (HELD_HERE.add(file)) {
                Attempt attempt = tryOnce(file);
                if (attempt.lock() != null) {
                    return attempt.lock();
                }
                HELD_HERE.remove(file);
                holder = attempt.holder();
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new OutputBusyException(output + " is being written by " + holder + "; waited "
                        + wait.toSeconds() + " s for it to finish. Let it finish or stop it, then build again"
                        + " (site.lockWait sets how many seconds a build waits)");
            }
            if (!announced) {
                announced = true;
                waiting.accept(output + " is being written by " + holder + "; waiting up to " + wait.toSeconds()
                        + " s for it to finish");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutputBusyException("interrupted while waiting for the lock of " + output);
            }
        }
    }

    /** Either the lock, or who holds it. */
    private record Attempt(OutputLock lock, String holder) {
    }

    /** One try, by the only thread of this JVM trying {@code file} now. */
    private static Attempt tryOnce(Path file) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // not expected behind HELD_HERE; treated as held
            }
            if (lock == null) {
                String holder = holderIn(channel);
                channel.close();
                return new Attempt(null, holder.isEmpty() ? "another build" : "another build (" + holder + ")");
            }
            String me = "process " + ProcessHandle.current().pid() + ", since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new Attempt(new OutputLock(file, channel, lock), null);
        } catch (IOException e) {
            HELD_HERE.remove(file);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** Who holds the lock, as the lock file says; empty where a held lock cannot be read (Windows locks are mandatory). */
    private static String holderIn(FileChannel channel) {
        try {
            ByteBuffer read = ByteBuffer.allocate(512);
            channel.read(read, 0);
            return new String(read.array(), 0, read.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Releases the lock (the file stays). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file, e);
        } finally {
            HELD_HERE.remove(file);
        }
    }
}
