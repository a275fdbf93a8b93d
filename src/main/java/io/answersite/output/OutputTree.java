package io.answersite.output;

import io.answersite.sink.OutputManifest;
import io.answersite.sink.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The files of one build, written into a staging folder and moved into place by {@link #commit()}.
 * When the output folder already exists, a file whose bytes equal the one already there is not
 * written at all, and {@code commit()} moves only the changed files in and deletes only the files
 * the build no longer makes: a build with no change writes nothing, an unchanged file keeps its bytes
 * and modification time, and a failed build (which never commits) leaves the previous output as it was.
 *
 * <p>A commit survives being stopped at any moment (killed, out of memory, power lost): the staged
 * files are forced to the disk, then a {@link CommitJournal} listing every deletion and move, and
 * only then is the output folder touched. A first build (no output folder yet) moves its staging
 * folder in whole without forcing it: there is no previous site to keep, a stopped process leaves
 * no folder or the whole new one, and after a power loss the next build rewrites any file the disk
 * lost (it compares every file with what it makes). {@link #recover} (run by the next build before anything
 * else, under the {@link OutputLock}) completes a journal it finds, so the output folder holds the
 * previous site or the new one, never a mix, and deletes whatever else a stopped build left.
 * Paths are relative with {@code /} separators; one that is absolute, climbs with {@code ..}, or is
 * written twice is a programming error and throws: the graph stage rejects such ids and aliases first.
 *
 * <p>Files are written by one thread of the tree's own, in the order they were handed over, while
 * the callers go on rendering: on a small virtual machine two threads creating files in the same
 * folders mostly wait on each other in the kernel (measured: 13,000 pages took 15 s of CPU in
 * open and mkdir from two threads, about 2 s from one). At most {@link #QUEUED_BYTES} wait to be
 * written; {@link #read}, {@link #commit} and {@link #close} wait for the queue to drain, and a
 * failed write is reported there. Large staged files may be forced to the disk before the commit
 * ({@link EarlySync}).
 */
public final class OutputTree implements SiteOutput, AutoCloseable {

    private final Path outputDir;
    private final Path staging;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /** The files written into the staging folder (the others equal the published ones), with size and CRC-32C. */
    private final Map<String, CommitJournal.Move> staged = new ConcurrentHashMap<>();
    private final Consumer<String> checkpoints;
    /** Folders of the staging tree known to exist; touched by the writer thread only. */
    private final Set<Path> folders = new HashSet<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "answersite-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore queuedBytes = new Semaphore(QUEUED_BYTES);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicInteger pending = new AtomicInteger();
    private boolean finished;
    /** The output folder as listed when the build started (under the lock), or null: list it at the commit. */
    private Supplier<OutputManifest> listedAtStart;

    /** How many bytes may wait for the writer thread before callers of {@link #write} wait. */
    static final int QUEUED_BYTES = 64 << 20;
    private final EarlySync earlySync;

    private OutputTree(Path outputDir, Path staging, Consumer<String> checkpoints) {
        this.outputDir = outputDir;
        this.staging = staging;
        this.checkpoints = checkpoints;
        this.earlySync = EarlySync.forBuildInto(outputDir);
    }

    /**
     * Tells the commit what the output folder held when this build started, as listed under the output
     * lock (the build cache lists it then anyway): the commit deletes what that listing holds and
     * this build did not write, instead of listing the folder a second time. A file someone else puts
     * in the folder while the build runs then stays until the next build, which lists it and, unless
     * it is the site's, deletes it.
     */
    public OutputTree listedAtStart(OutputManifest listed) {
        return listedAtStart(() -> listed);
    }

    /** As {@link #listedAtStart(OutputManifest)}, the listing asked for at the commit: it may still be taken while the build runs. */
    public OutputTree listedAtStart(Supplier<OutputManifest> listed) {
        this.listedAtStart = listed;
        return this;
    }

    /** Opens a staging folder next to {@code outputDir} (so that the final move is a rename). */
    public static OutputTree open(Path outputDir) {
        return open(outputDir, point -> { });
    }

    /**
     * As {@link #open(Path)}; {@code checkpoints} hears the named points of the commit as it passes
     * them ({@code commit:synced}, {@code commit:journaled}, {@code commit:delete} and
     * {@code commit:move} for each step, {@code commit:done}), so that tests can stop a build there.
     */
    public static OutputTree open(Path outputDir, Consumer<String> checkpoints) {
        Path absolute = outputDir.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, StoppedBuild.stagingPrefix(absolute));
            return new OutputTree(absolute, staging, checkpoints);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + absolute, e);
        }
    }

    /**
     * Puts the output folder back in order after a build that was stopped: completes the commit whose
     * journal is complete (every deletion and move; the staged files are complete and on the disk), and
     * deletes staging folders and unfinished journals. If a journal cannot be completed (its files are
     * damaged, as after a disk fault), the output folder is deleted instead, so that it never holds a
     * mix and the build that follows writes it whole. Only the holder of the {@link OutputLock} may
     * call this: staging folders of a running build would go too.
     *
     * @return what was done, one line each, for the build's log; empty when nothing was left
     */
    public static List<String> recover(Path outputDir) {
        return StoppedBuild.recover(outputDir);
    }

    @Override
    public void write(String relativePath, byte[] bytes) {
        queue(relativePath, Math.min(bytes.length, QUEUED_BYTES), List.of(bytes));
    }

    /**
     * Writes the parts one after the other, not joined: such a file (llms-full.txt) can be larger than
     * a build should hold twice, and its parts may be read back from disk as the writer takes them. The
     * parts are their maker's (the twins, the fragments) until written, so they count for no queue space.
     */
    @Override
    public void write(String relativePath, List<byte[]> parts) {
        queue(relativePath, 0, parts);
    }

    private void queue(String relativePath, int permits, List<byte[]> parts) {
        Path target = resolve(relativePath);
        queuedBytes.acquireUninterruptibly(permits);
        pending.incrementAndGet();
        writer.execute(() -> {
            try {
                if (failure.get() == null && !PartsFile.sameAs(outputDir.resolve(relativePath), parts)) {
                    Path folder = target.getParent();
                    if (folders.add(folder)) {
                        Files.createDirectories(folder);
                    }
                    CommitJournal.Move move = PartsFile.write(target, relativePath, parts);
                    // its size and time now are what the committed file will have (a move keeps them):
                    // read here, on the writer thread, so the commit need not list or stat it again
                    stamps.put(relativePath, OutputManifest.stamp(Files.readAttributes(target,
                            BasicFileAttributes.class)));
                    staged.put(relativePath, move);
                    earlySync.written(target, move.size());
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, new UncheckedIOException("cannot write " + relativePath,
                        e instanceof IOException io ? io : new IOException(e)));
            } finally {
                queuedBytes.release(permits);
                pending.decrementAndGet();
            }
        });
    }

    /** Keeps the published file at {@code relativePath} as it is (see {@link SiteOutput#keepPublished}). */
    @Override
    public void keepPublished(String relativePath, byte[] hash, Supplier<byte[]> bytes) {
        claim(relativePath); // nothing is written or read: no path to make (13,000 twins and pages an edit)
    }

    /** Waits until every file handed over so far is written; throws the first write failure. */
    private void drain() {
        Future<?> barrier = writer.submit(() -> { });
        try {
            barrier.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for files to be written", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    /** Every path written so far, sorted. */
    @Override
    public List<String> paths() {
        return written.stream().sorted().toList();
    }

    /** Every path written so far, as it stands (a view: later writes show in it). */
    @Override
    public Set<String> pathSet() {
        return Collections.unmodifiableSet(written);
    }

    /** The bytes written at {@code relativePath} in this build (for the checks of the built site). */
    @Override
    public byte[] read(String relativePath) {
        if (!written.contains(relativePath)) {
            throw new IllegalArgumentException("'" + relativePath + "' was not written in this build");
        }
        if (pending.get() > 0) {
            drain();
        }
        try {
            return Files.readAllBytes((staged.containsKey(relativePath) ? staging : outputDir).resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + relativePath, e);
        }
    }

    /** Whether a path has been written in this build. */
    public boolean contains(String relativePath) {
        return written.contains(relativePath);
    }

    private int deleted;

    /** How many files the commit changed, added or deleted in the output folder (0 for a build with no change). */
    public int changedFiles() {
        return staged.size() + deleted;
    }

    /**
     * Makes the output folder hold exactly what was written: a new folder is moved in whole; an
     * existing one gets the changed files moved in and the files no longer made deleted, through a
     * {@link CommitJournal} written and forced to the disk first (see the class comment).
     */
    public void commit() {
        finishWrites();
        earlySync.stop();
        finished = true;
        try {
            List<String> moved = staged.keySet().stream().sorted().toList();
            if (!Files.exists(outputDir)) {
                // nothing to protect: a stopped process leaves no folder or the whole new one, so the
                // files are not forced to the disk first (4 s of a clean 13,000-page build); after a
                // power loss, a file the disk lost differs from what the next build makes, which writes it again
                checkpoints.accept("commit:synced");
                StoppedBuild.move(staging, outputDir);
                Durable.folder(outputDir.getParent());
                manifest = new OutputManifest(new TreeMap<>(stamps)); // every file of a new folder was staged
                checkpoints.accept("commit:done");
                return;
            }
            SortedMap<String, long[]> listed = new TreeMap<>(
                    (listedAtStart != null ? listedAtStart.get() : OutputManifest.of(outputDir)).files());
            List<String> deletes = listed.keySet().stream().filter(path -> !written.contains(path)).toList();
            if (moved.isEmpty() && deletes.isEmpty()) {
                StoppedBuild.deleteTree(staging);
                manifest = new OutputManifest(listed);
                return;
            }
            syncStaged(moved); // the files forced early are on the disk already: forcing them again costs next to nothing
            checkpoints.accept("commit:synced");
            CommitJournal journal = new CommitJournal(staging.getFileName().toString(), deletes,
                    moved.stream().map(staged::get).toList());
            journal.write(outputDir);
            checkpoints.accept("commit:journaled");
            journal.apply(outputDir, checkpoints, false);
            deleted = deletes.size();
            // the folder as listed before, less what was deleted, with what was moved in as it is now
            listed.keySet().removeAll(deletes);
            for (String path : moved) {
                listed.put(path, stamps.get(path));
            }
            manifest = new OutputManifest(listed);
            StoppedBuild.deleteTree(staging);
            Files.delete(CommitJournal.fileOf(outputDir));
            Durable.folder(outputDir.getParent());
            checkpoints.accept("commit:done");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + outputDir + " with the new site", e);
        }
    }

    /**
     * Waits until every file handed over is written to the staging folder, and ends the writer: after
     * this, nothing the files were made from is read again (see {@link #commit}, which does it first).
     *
     * @throws UncheckedIOException when a file could not be written
     */
    public void finishWrites() {
        ensureOpen();
        if (writesFinished) {
            return;
        }
        try {
            drain();
        } finally {
            stopWriter();
            writesFinished = true;
        }
    }

    private boolean writesFinished;

    /** Forces the staged files, and the staging folders that hold them, to the disk. */
    private void syncStaged(List<String> moved) {
        Set<Path> folders = new HashSet<>();
        List<Path> files = new ArrayList<>(moved.size());
        for (String path : moved) {
            Path file = staging.resolve(path);
            files.add(file);
            Path folder = file.getParent();
            while (folder.startsWith(staging) && folders.add(folder)) { // every folder up to the staging folder
                folder = folder.getParent();
            }
        }
        folders.add(staging.getParent());
        Durable.sync(files, folders);
    }

    private OutputManifest manifest;
    /** The size and modification time of each staged file, as written. */
    private final Map<String, long[]> stamps = new ConcurrentHashMap<>();

    /** The output folder as {@link #commit} left it: every file with its size and modification time. */
    public OutputManifest manifest() {
        if (manifest == null) {
            throw new IllegalStateException("the output is not committed");
        }
        return manifest;
    }

    /** Drops what was written; the output folder is left as it was. Does nothing after a commit. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            failure.compareAndSet(null, new IllegalStateException("the build was abandoned"));
            stopWriter();
            earlySync.stop();
            StoppedBuild.deleteTree(staging);
        }
    }

    /** Lets queued writes finish (they are skipped after a failure) and ends the writer thread. */
    private void stopWriter() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the writer thread did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for files to be written", e);
        }
    }

    private Path resolve(String relativePath) {
        claim(relativePath);
        Path target = staging.resolve(relativePath).normalize();
        if (!target.startsWith(staging)) { // cannot happen after claim: a second guard where files are made
            throw new IllegalArgumentException("output path '" + relativePath + "' leaves the output folder");
        }
        return target;
    }

    /**
     * Takes {@code relativePath} for this build: a path {@link SiteOutput#requireSafe} accepts (relative,
     * no {@code .} or {@code ..} segment, no separator but {@code /}) names a file inside the folder.
     */
    private void claim(String relativePath) {
        ensureOpen();
        SiteOutput.requireSafe(relativePath);
        if (!written.add(relativePath)) {
            throw new IllegalStateException("'" + relativePath + "' is written twice in one build");
        }
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException("this output tree is already committed or closed");
        }
    }
}
