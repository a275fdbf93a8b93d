package io.answersite.site;

import io.answersite.cache.BuildCache;
import io.answersite.sink.OutputManifest;
import io.answersite.work.Background;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;

/**
 * The output folder as listed at the start of a build (under the output lock), and which of its files
 * are still as the last build left them. A build the cache cannot answer takes it on a thread of its
 * own: listing some 40,000 files of a 10,000-page site is a core's work for half a second, and the
 * build asks for it only when the first page is rendered.
 */
final class OutputListing {

    private record Listed(OutputManifest manifest, Set<String> untouched) {
    }

    private final Background<Listed> listed;

    private OutputListing(Background<Listed> listed) {
        this.listed = listed;
    }

    /** A listing already taken. */
    static OutputListing of(OutputManifest manifest, BuildCache cache) {
        return new OutputListing(Background.done(listed(manifest, cache)));
    }

    /** Starts listing {@code outputDir} on a thread of its own. */
    static OutputListing start(Path outputDir, BuildCache cache) {
        return new OutputListing(Background.start("answersite-listing",
                () -> listed(OutputManifest.of(outputDir), cache)));
    }

    private static Listed listed(OutputManifest manifest, BuildCache cache) {
        return new Listed(manifest, Collections.unmodifiableSet(cache.untouchedOutputs(manifest)));
    }

    /** The output folder's files with their sizes and modification times; waits for the listing. */
    OutputManifest listed() {
        return listed.get().manifest();
    }

    /** The files still as the last build left them ({@link BuildCache#untouchedOutputs}); waits for the listing. */
    Set<String> untouched() {
        return listed.get().untouched();
    }

    /** Waits for the listing, whatever came of it (a build that failed before asking for it). */
    void awaitQuietly() {
        listed.awaitQuietly();
    }
}
