package io.answersite.bench;

import io.answersite.cache.Fragments;
import io.answersite.check.BuiltSiteCheck;
import io.answersite.content.LoadCache;
import io.answersite.render.RenderCache;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import jdk.jfr.Recording;

/**
 * A benchmark, not a test: the preview's full rebuild after one-answer edits on a generated corpus,
 * with each rebuild's stage times, and a Java Flight Recorder recording of the rebuilds only (not
 * the first build) for finding where their time goes: {@code jfr print --events jdk.ExecutionSample}.
 *
 * <p>usage: RebuildProfile SITE_DIR [ROUNDS] [RECORDING.jfr]
 */
public final class RebuildProfile {

    private RebuildProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        BuildRequest request = BuildRequest.forSite(site, LocalDate.of(2026, 11, 26)).withIncludeDrafts(true);
        Answersite answersite = new Answersite();
        LoadCache loads = new LoadCache();
        RenderCache renders = new RenderCache();
        BuiltSiteCheck.Memory checked = new BuiltSiteCheck.Memory();
        Fragments fragments = Fragments.kept();
        long start = System.nanoTime();
        answersite.preview(request, loads, renders, checked, fragments);
        System.out.printf("first build: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        Path answer = site.resolve("content/answers/answer-00042.md");
        String original = Files.readString(answer);
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
            if (args.length > 2) {
                recording.start();
            }
            for (int i = 0; i < rounds; i++) {
                Files.writeString(answer, original.replace("怎么排查?", "怎么排查 " + i + "?"));
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                Answersite.Preview preview = answersite.preview(request, loads, renders, checked, fragments);
                System.out.printf("rebuild %d: %d ms (CPU %d ms) [%s] %d pages rendered, %d fragments%n", i,
                        (System.nanoTime() - t0) / 1_000_000, (processCpuNanos() - cpu0) / 1_000_000,
                        preview.result().times(),
                        preview.result().pages().renderedPaths().size(), fragments.size());
            }
            if (args.length > 2) {
                recording.stop();
                recording.dump(Path.of(args[2]));
            }
        } finally {
            Files.writeString(answer, original);
        }
    }

    /** CPU time of the whole process: on a shared machine a steadier measure of work than wall time. */
    /**
     * Bytes allocated so far by the live threads (the rebuild's own and the common pool's, which
     * outlive a rebuild): around an edit, how much garbage its rebuild made. Steady to about 1 %
     * from one edit to the next, unlike times on a shared machine.
     */
    static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Milliseconds the old generation's collector has taken so far ({@code PS MarkSweep}, {@code G1 Old
     * Generation}, {@code MarkSweepCompact}: the full collections): around an edit, whether its
     * rebuild waited for one (session 24: the preview's slow rounds on glossary-common).
     */
    static long fullCollectionMillis() {
        long sum = 0;
        for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector.getName().contains("MarkSweep") || collector.getName().contains("Old")) {
                sum += Math.max(0, collector.getCollectionTime());
            }
        }
        return sum;
    }
}
