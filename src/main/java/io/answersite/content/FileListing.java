package io.answersite.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The content folder's Markdown files as the last listing found them, brought up to date from the
 * changes the preview's watcher reports instead of walking the folder again: at 20,000 pages the walk
 * (a directory read and a stat per file) was a tenth of a rebuild. The folder is walked again
 * whenever the reports cannot say what changed: before the first report, when a report names a
 * folder, the content folder itself (the watcher lost events), a path that is gone and was not a
 * Markdown file, or a Markdown file outside the folder as listed (perhaps the folder under another
 * name), and whenever the last listing was of another folder. A path under the folder's real path
 * (watchers that resolve links, as on macOS) counts as under the folder. Thread-safe.
 *
 * <p>Relies on every change being reported, as watch-based previews do: a file changed behind the
 * watcher's back is seen when the folder is next walked.
 */
public final class FileListing {

    private SortedMap<Path, BasicFileAttributes> last;
    private Path lastFolder;
    /** Paths reported since {@link #last} was listed; null when not known (the next listing walks). */
    private Set<Path> reported;
    private boolean tracking;

    /**
     * Reports paths that were created, changed or deleted. The first report starts the tracking:
     * the listing after it walks the folder, and the ones after that take the reports.
     */
    public synchronized void reported(Collection<Path> changed) {
        if (!tracking) {
            tracking = true;
            reported = null;
            return;
        }
        if (reported != null) {
            changed.forEach(path -> reported.add(path.toAbsolutePath().normalize()));
        }
    }

    /**
     * The Markdown files under {@code folder} with their attributes: the last listing with the
     * reported paths read again, or {@code walk}'s listing.
     */
    SortedMap<Path, BasicFileAttributes> list(Path folder, Supplier<SortedMap<Path, BasicFileAttributes>> walk) {
        Set<Path> changes;
        SortedMap<Path, BasicFileAttributes> base;
        synchronized (this) {
            changes = reported;
            base = folder.equals(lastFolder) ? last : null;
            // from here on, what is reported is read again by the next listing, even if this one saw it
            reported = tracking ? new HashSet<>() : null;
            last = null;
        }
        SortedMap<Path, BasicFileAttributes> listed = changes == null || base == null ? null
                : updated(folder, base, changes);
        if (listed == null) {
            listed = walk.get();
        }
        synchronized (this) {
            // only a tracking listing is ever brought up to date: a one-shot build's would only hold every
            // file's attributes to its end (about 16 MB at 100,000 files, heap dump of a 50,000-page build)
            last = tracking ? listed : null;
            lastFolder = folder;
        }
        return listed;
    }

    /** Whether the last listing is held for the next one (for tests of what a one-shot build keeps). */
    synchronized boolean holdsListing() {
        return last != null;
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code base} with {@code changes} read again; null when only a walk can tell. */
    private static SortedMap<Path, BasicFileAttributes> updated(Path folder, SortedMap<Path, BasicFileAttributes> base,
                                                              Set<Path> changes) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path real = realPath(absolute);
        SortedMap<Path, BasicFileAttributes> next = new TreeMap<>(base);
        for (Path reported : changes) {
            Path change = reported;
            if (!change.startsWith(absolute) && real != null && change.startsWith(real)) {
                change = absolute.resolve(real.relativize(change)); // a watcher that reports real paths (macOS)
            }
            if (!change.startsWith(absolute)) {
                if (change.getFileName() != null && change.getFileName().toString().endsWith(".md")) {
                    return null; // a page under a name this listing does not know: only a walk can tell
                }
                continue; // templates, static files, site.yml
            }
            if (change.equals(absolute)) {
                return null; // the watcher lost events, or the folder itself was replaced
            }
            Path relative = absolute.relativize(change);
            if (ContentLoader.isHidden(relative)) {
                continue;
            }
            Path file = folder.resolve(relative); // named as the walk names it
            boolean markdown = file.getFileName().toString().endsWith(".md");
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException gone) {
                if (!markdown) {
                    return null; // perhaps a folder, with files in it
                }
                next.remove(file);
                continue;
            } catch (IOException e) {
                return null;
            }
            if (attributes.isDirectory()) {
                return null; // made or moved in: what it holds is not reported file by file
            }
            if (!markdown) {
                continue;
            }
            if (attributes.isRegularFile()) {
                next.put(file, attributes);
            } else if (attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                try {
                    next.put(file, Files.readAttributes(file, BasicFileAttributes.class)); // the linked file's
                } catch (IOException e) {
                    return null;
                }
            } else {
                next.remove(file);
            }
        }
        return next;
    }
}
