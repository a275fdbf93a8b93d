package io.answersite.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a build puts the fragments it makes for the build cache once they no longer fit a budget:
 * written as they are made to one temporary file per segment of the cache, beside it, and read back
 * one segment at a time when the cache is written. Without it a build holds every fragment's bytes
 * until its end (about 0.8 GB at 50,000 pages); with it, at most the budget. A site whose fragments
 * fit the budget writes nothing here (a small site pays no extra disk traffic).
 *
 * <p>Only fragments the build cache may keep reach this class (from files it trusts: never one with
 * a secret finding). Each file is named {@code fragments-NN-….tmp}: one a stopped build leaves behind
 * is deleted by the next build of the site ({@link BuildCache#forSite}), and {@link #close} deletes
 * them all. Thread-safe: emitters on both cores hand fragments over.
 */
public final class FragmentSpill implements AutoCloseable {

    private final Path folder;
    private final long budget;
    private final AtomicLong held = new AtomicLong();
    private final Segment[] segments = new Segment[BuildCache.FRAGMENT_SEGMENTS];

    /**
     * @param folder where the temporary files go (the site's cache folder)
     * @param budget how many bytes of fragment values may be held before they go to disk
     */
    FragmentSpill(Path folder, long budget) {
        this.folder = folder;
        this.budget = budget;
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment(i);
        }
    }

    /**
     * {@code entry} itself while the values held stay within the budget; otherwise {@code entry}
     * written to its segment's file and, in its place, the same entry without its value, which
     * {@link #read} gives back.
     */
    FragmentFile.Stored keep(FragmentFile.Stored entry) {
        long size = entry.length();
        if (held.addAndGet(size) <= budget) {
            return entry;
        }
        held.addAndGet(-size);
        segments[BuildCache.fragmentSegmentOf(entry.key())].append(entry);
        return new FragmentFile.Stored(entry.key(), entry.source(), entry.inputs(), null);
    }

    /** The entries written to {@code segment}'s file, by key (the last one for a key written twice). */
    Map<String, FragmentFile.Stored> read(int segment) {
        return segments[segment].read();
    }

    /**
     * Deletes the temporary files. One that cannot be deleted is left for the next build of the site
     * to delete ({@link BuildCache#forSite}) rather than failing a build whose output is already in
     * place: it holds only fragments the cache would have kept anyway.
     */
    @Override
    public void close() {
        for (Segment segment : segments) {
            segment.delete();
        }
    }

    /** One segment's file, opened when its first fragment comes. */
    private final class Segment {

        private final int number;
        private Path file;
        private DataOutputStream out;

        Segment(int number) {
            this.number = number;
        }

        synchronized void append(FragmentFile.Stored entry) {
            try {
                if (out == null) {
                    Files.createDirectories(folder);
                    file = Files.createTempFile(folder, BuildCache.fragmentSegment(number).replace(".bin", "-"),
                            ".tmp");
                    out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
                }
                FragmentFile.writeEntry(out, entry);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the build cache in " + folder, e);
            }
        }

        synchronized Map<String, FragmentFile.Stored> read() {
            Map<String, FragmentFile.Stored> entries = new HashMap<>();
            if (out == null) {
                return entries;
            }
            try {
                out.flush();
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                    while (true) {
                        FragmentFile.Stored entry;
                        try {
                            entry = FragmentFile.readEntry(in);
                        } catch (EOFException end) {
                            return entries;
                        }
                        entries.put(entry.key(), entry);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back " + file, e);
            }
        }

        synchronized void delete() {
            if (out == null) {
                return;
            }
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left for the next build of the site, which deletes every temporary file it finds
            } finally {
                out = null;
            }
        }
    }
}
