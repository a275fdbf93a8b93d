package io.answersite.bench;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.cache.LoadFile;
import io.answersite.check.SecretScanner;
import io.answersite.config.SiteConfig;
import io.answersite.config.SiteConfigReader;
import io.answersite.content.ContentLoader;
import io.answersite.content.LoadCache;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.site.BuildRequest;
import io.answersite.source.SourceReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * A benchmark, not a test: the time to write and to read back the build cache's {@code load.bin}
 * for a generated corpus, and its size. Loads the corpus once, then writes and reads the file
 * {@code ROUNDS} times, printing each round's wall-clock and
 * thread CPU time (the machine may be shared) and the minimum and median of the rounds after the first.
 *
 * <p>usage: LoadCacheBench SITE_DIR [ROUNDS] [FILE]
 */
public final class LoadCacheBench {

    private LoadCacheBench() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = args.length > 2 ? Path.of(args[2]) : Files.createTempFile("load", ".bin");
        BuildRequest request = BuildRequest.forSite(site, LocalDate.of(2026, 11, 26)).withIncludeDrafts(true);
        SourceReader reader = new SourceReader(request.siteRoot());
        YAMLFactory yaml = new YAMLFactory();
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = reader.read(request.configFile(), diagnostics)
                .flatMap(text -> new SiteConfigReader(yaml).read(text, Optional.empty(), diagnostics)).orElseThrow();
        LoadCache cache = LoadCache.byContent();
        long start = System.nanoTime();
        new ContentLoader(config, reader, yaml, new MarkdownRenderer(), new SecretScanner(config.checks()), cache)
                .load(request.contentDir(), diagnostics);
        System.out.printf("load: %d ms, %d files%n", (System.nanoTime() - start) / 1_000_000, cache.takeMisses());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] times = new long[4][rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                write(cache, out);
            }
            long c1 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            LoadCache read;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                read = read(in);
            }
            long c2 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            times[0][i] = (t1 - t0) / 1_000_000;
            times[1][i] = (c1 - c0) / 1_000_000;
            times[2][i] = (t2 - t1) / 1_000_000;
            times[3][i] = (c2 - c1) / 1_000_000;
            System.out.printf("round %d: write %d ms (cpu %d ms), read %d ms (cpu %d ms), %,d bytes%n", i, times[0][i],
                    times[1][i], times[2][i], times[3][i], Files.size(file));
            if (read.stored().size() != cache.stored().size()) {
                throw new IllegalStateException("read " + read.stored().size() + " entries of " + cache.stored().size());
            }
        }
        String[] names = {"write", "write cpu", "read", "read cpu"};
        for (int k = 0; k < names.length; k++) {
            long[] sorted = Arrays.copyOfRange(times[k], Math.min(1, rounds - 1), rounds); // round 0 warms up
            Arrays.sort(sorted);
            System.out.printf("%s: min %d ms, median %d ms%n", names[k], sorted[0], sorted[sorted.length / 2]);
        }
    }

    private static void write(LoadCache cache, OutputStream out) throws Exception {
        LoadFile.write(out, cache, "bench");
    }

    private static LoadCache read(InputStream in) throws Exception {
        return LoadFile.read(in, "bench");
    }
}
