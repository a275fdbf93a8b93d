package io.answersite.cache;

import io.answersite.content.LoadCache;
import io.answersite.sink.OutputManifest;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.graph.HeldBack;
import io.answersite.text.FileSpans;
import io.answersite.text.ParkedBytes;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One site's part of the build cache folder ({@code target/answersite-cache/} by default): a folder
 * {@code site-<hash>} named by the site's folders (content, configuration, templates, static files
 * and output), so that a build of another content folder into the same cache folder, as with
 * {@code -Dsite.contentDir}, keeps its own cache instead of replacing the project's. It holds what the
 * last successful build of that site was made from and what it left in the output folder:
 * <ul>
 *   <li>{@code site.bin}: the fingerprint of all inputs, the output folder's files (path, size,
 *       modification time) and the build's findings and counts, so that a build whose inputs and
 *       output are both unchanged is answered from here without loading anything;</li>
 *   <li>{@code load-00.bin} to {@code load-63.bin}: what loading each content file gave (its page
 *       record and findings), by the SHA-256 of its bytes (see {@link io.answersite.content.LoadCache}),
 *       in segments by the hash of the file's path (an edit rewrites one), each in the format of
 *       {@link LoadFile}: records written component by component by a {@link RecordCodec}, under a
 *       header with the format version and a fingerprint of the records' schema. No Java
 *       serialization: reading the file runs no code of its choosing and builds only the page,
 *       snippet and finding records it is declared to hold;</li>
 *   <li>{@code render.bin}: for each page, a digest of the view model it was rendered from and a
 *       hash of the bytes written, so that the next build renders only pages whose view changed
 *       (see {@link io.answersite.render.RenderCache}; fixed-size digests after the key), and a digest of
 *       what the page's view is made from ({@link InputDigest}), so that a page none of whose inputs
 *       changed is taken back without making its view;</li>
 *   <li>{@code fragments-00.bin} to {@code fragments-31.bin}: per-page pieces of the machine files and checks (Markdown twins and
 *       their hashes, search weights, the glossary terms each answer uses), each with the digests of
 *       its source file and of everything else it read ({@link FragmentFile}, {@link Fragments#onDisk}), in
 *       segments by the hash of the fragment's key (a segment whose fragments were all taken back is not
 *       written again);</li>
 *   <li>{@code facts.bin}: what the built-site check read from each published page (its ids, links
 *       and problems), by the page's SHA-256, so that a page kept as it was published is not read
 *       again, and, after a build without link findings, a digest of what they depend on, so that
 *       such a page is not checked again while that digest holds (see
 *       {@link io.answersite.check.BuiltSiteCheck.Memory}). Not written after a build with a secret
 *       finding.</li>
 * </ul>
 * {@code site.bin} ({@link SiteRecord}) and {@code render.bin} are written with {@link DataOutputStream} field by field.
 * A file that is missing, unreadable, cut short, from another format version or schema, or for other
 * inputs is ignored: the build does the work again.
 * Files are replaced whole (written beside, then moved), so an interrupted build leaves no half file
 * in use; the next build of the site deletes the half-written one. Builds of one site (same output
 * folder) take turns under the output lock, so one site's folder is never written by two at once.
 */
public final class BuildCache implements AutoCloseable {

    static final String SITE_FILE = "site.bin";
    public static final String RENDER_FILE = "render.bin";
    public static final String FRAGMENT_FILE = "fragments.bin";
    public static final String LOAD_FILE = "load.bin";

    /** The files of the layout before caches were kept per site (one site per cache folder). */
    private static final List<String> SHARED_LAYOUT = List.of(SITE_FILE, LOAD_FILE, RENDER_FILE);

    /** How the files being written end; one left behind was written by a build that was stopped. */
    private static final String TEMPORARY = ".tmp";

    private final Path folder;
    private final SegmentedFiles segments = new SegmentedFiles(this);
    /** The cache files values were left in when read ({@link #leftIn}), by name, open until {@link #close}. */
    private final Map<String, FileSpans> leftOpen = new ConcurrentHashMap<>();

    private BuildCache(Path folder) {
        this.folder = folder;
    }

    /**
     * The cache of the site {@code siteFolders} names (absolute folders, one a line) in
     * {@code cacheDir}. Cache files left by the earlier layout directly in {@code cacheDir} are
     * deleted: no build reads them any more, and they may hold what the per-site cache no longer keeps.
     */
    public static BuildCache forSite(Path cacheDir, String siteFolders) {
        for (String name : SHARED_LAYOUT) {
            try {
                Files.deleteIfExists(cacheDir.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + cacheDir.resolve(name), e);
            }
        }
        Path folder = cacheDir.resolve("site-" + new Fingerprint().add("site", siteFolders).hex().substring(0, 16));
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path left : files.filter(f -> f.getFileName().toString().endsWith(TEMPORARY)).toList()) {
                    Files.deleteIfExists(left); // a build was stopped while writing it; builds of one site take turns
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean " + folder, e);
            }
        }
        return new BuildCache(folder);
    }

    /** The folder this site's cache files are in. */
    public Path folder() {
        return folder;
    }

    /** What a build found and wrote, enough to report it again. */
    public record Outcome(List<Diagnostic> diagnostics, Map<String, Map<String, Integer>> pagesByKind,
                          int staticFiles, List<HeldBack> heldBack, int maxLinesPerRule) {
    }

    /**
     * Whether the last successful build had these inputs: only then can {@link #upToDate} answer, and
     * the output folder need be listed before the build goes on (otherwise it is listed while the
     * content loads). Reads the head of {@code site.bin} only.
     */
    public boolean recordsInputs(String inputs) {
        return SiteRecord.recordsInputs(folder.resolve(SITE_FILE), inputs);
    }

    /**
     * The last build's outcome, if it was made from exactly these inputs and the output folder, as
     * {@code listed} at the start of this build, still holds exactly the files it wrote (same paths,
     * sizes and modification times).
     */
    public Optional<Outcome> upToDate(String inputs, OutputManifest listed) {
        return SiteRecord.upToDate(folder.resolve(SITE_FILE), inputs, listed);
    }

    /**
     * The files of the output folder ({@code listed} at the start of this build) that are still as the
     * last successful build left them (same path, size and modification time as {@code site.bin}
     * recorded), whatever that build's inputs were: their hashes in the other cache files can be
     * trusted without reading them. Empty when there is no readable record.
     */
    public Set<String> untouchedOutputs(OutputManifest listed) {
        return SiteRecord.untouched(folder.resolve(SITE_FILE), listed);
    }

    /**
     * Drops the record of the last successful build ({@link #remember}): until the next one, no output
     * file is trusted as that build left it. A build does this before it writes fragments for files it
     * has not published yet, so that if it stops in between, the next build does not take the old
     * files for what those fragments describe.
     */
    public void forgetPublished() {
        delete(SITE_FILE);
    }

    /**
     * Records a successful build: its inputs, the output folder as the build left it (listed by the
     * write stage when it committed), and its outcome.
     */
    public void remember(String inputs, OutputManifest output, Outcome outcome) {
        replace(SITE_FILE, out -> SiteRecord.write(out, inputs, output, outcome));
    }

    /**
     * What loading each content file gave in the last build that read any, valid under {@code key}
     * (the plugin, site.yml and the site's folder); see {@link SegmentedFiles#loads}.
     */
    public LoadCache loads(String key) {
        return segments.loads(key);
    }

    /**
     * A digest of the load cache's entries on disk as {@link #loads} read them or, after the writes of
     * {@link #loadWrites} ran, as they wrote them: two equal digests mean the same entries.
     */
    public byte[] loadState() {
        return segments.loadState();
    }

    /**
     * The writes that keep {@code loads} for the next build under {@code key}, one task per segment
     * file, to be run on any threads; see {@link SegmentedFiles#loadWrites}.
     */
    public List<Runnable> loadWrites(LoadCache loads, String key) {
        return segments.loadWrites(loads, key);
    }

    /** The fragments the last build kept under {@code key}, by fragment key; see {@link SegmentedFiles#fragments}. */
    public Map<String, FragmentFile.Stored> fragments(String key) {
        return segments.fragments(key);
    }

    /**
     * The writes that keep the fragments {@code fragments} used or made for the next build under
     * {@code key}, one task per segment file, to be run on any threads; see {@link SegmentedFiles#fragmentWrites}.
     */
    public List<Runnable> fragmentWrites(Fragments fragments, String key) {
        return segments.fragmentWrites(fragments.storedInAnyOrder(), fragments::spilled, key);
    }

    /**
     * How many files the load cache is kept in: an edit writes one again, about 2 MB at 10,000 pages (at
     * sixteen, 8 MB: encoding it was about 80 ms of CPU in an edited 10,000-page build, default corpus shape,
     * session 29).
     */
    public static final int LOAD_SEGMENTS = 64;

    /** The name of one of the load cache's segment files: {@code load-00.bin} to {@code load-63.bin}. */
    public static String loadSegment(int segment) {
        return "load-" + (segment < 10 ? "0" : "") + segment + ".bin";
    }

    /** How many files the fragments are kept in. */
    public static final int FRAGMENT_SEGMENTS = 32;

    /** The name of one of the fragments' segment files: {@code fragments-00.bin} to {@code fragments-31.bin}. */
    public static String fragmentSegment(int segment) {
        return "fragments-" + (segment < 10 ? "0" : "") + segment + ".bin";
    }

    /** A fragment's segment, by the id of its {@code kind\nid} key: an edited page's pieces of every kind rewrite one. */
    static int fragmentSegmentOf(String key) {
        return Math.floorMod(key.substring(key.indexOf('\n') + 1).hashCode(), FRAGMENT_SEGMENTS);
    }

    /**
     * Where a build of this site keeps pages' bodies beyond {@code budget} bytes (see
     * {@link io.answersite.content.LoadCache#parkBodiesIn}); closed by the build (its file deleted).
     */
    public ParkedBytes parking(long budget) {
        return ParkedBytes.in(folder, budget);
    }

    /**
     * Where a build of this site puts the fragments it makes beyond {@code budget} bytes until they
     * are kept ({@link #fragmentWrites}); closed by the build (its files deleted).
     */
    public FragmentSpill spill(long budget) {
        return new FragmentSpill(folder, budget);
    }

    /**
     * Writes one cache file whole: into a temporary file beside it, then moved over the old one. Values
     * left in the old file ({@link #leftIn}) may be read by {@code writer} only: the file is closed
     * before it is replaced (a file open for reading cannot be replaced on every system).
     */
    public void replace(String name, Writer writer) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, name, TEMPORARY);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temporary), 1 << 16))) {
                writer.write(out);
            }
            FileSpans read = leftOpen.remove(name);
            if (read != null) {
                read.close();
            }
            Files.move(temporary, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache in " + folder, e);
        }
    }

    /** Deletes one cache file, if it exists. */
    public void delete(String name) {
        try {
            Files.deleteIfExists(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder.resolve(name), e);
        }
    }

    /**
     * Cache file {@code name}, opened to read back values a reader of {@link #open} leaves in it
     * (pages' bodies, fragments' bytes) instead of copying them onto the heap; open until the file is
     * replaced or this cache is closed. Empty when the file cannot be opened.
     */
    Optional<FileSpans> leftIn(String name) {
        try {
            FileSpans spans = FileSpans.open(folder.resolve(name));
            FileSpans before = leftOpen.put(name, spans);
            if (before != null) {
                before.close();
            }
            return Optional.of(spans);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Closes the files values were left in: a build closes its cache when it no longer reads any value it took from it. */
    @Override
    public void close() {
        leftOpen.values().forEach(FileSpans::close);
        leftOpen.clear();
    }

    /** Opens one cache file for reading, if it exists. */
    public Optional<DataInputStream> open(String name) {
        Path file = folder.resolve(name);
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes a cache file's contents. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

}
