package io.answersite.bench;

import io.answersite.serve.PreviewServer;
import io.answersite.site.Answersite;
import io.answersite.site.BuildRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * A benchmark, not a test: the preview's heap over many successive edits of a generated corpus.
 * After each edit (the page shown ahead, then the full rebuild) it collects garbage and reads the
 * used heap; it prints the heap after the first edit, every 20th, and the last, and the growth.
 *
 * <p>usage: PreviewMemory SITE_DIR [EDITS]
 */
public final class PreviewMemory {

    private PreviewMemory() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        BuildRequest request = BuildRequest.forSite(site, LocalDate.of(2026, 11, 26)).withIncludeDrafts(true);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Path[] files = {site.resolve("content/answers/answer-00042.md"), site.resolve("content/guides/guide-0007.md"),
            site.resolve("content/glossary/term-0003.md"), site.resolve("content/checklists/checklist-0005.md")};
        String[] originals = new String[files.length];
        for (int i = 0; i < files.length; i++) {
            originals[i] = Files.readString(files[i]);
        }
        long first = 0;
        try (PreviewServer server = new PreviewServer(new Answersite(), request, line -> { }, e -> {
            throw e;
        })) {
            server.start("127.0.0.1", 0);
            for (int edit = 1; edit <= edits; edit++) {
                int which = edit % files.length;
                Files.writeString(files[which], originals[which] + "\n\nEdit " + edit + " of the memory run.\n");
                server.changed(Set.of(files[which]));
                server.awaitRebuilds();
                System.gc();
                long used = memory.getHeapMemoryUsage().getUsed();
                if (edit == 1) {
                    first = used;
                }
                if (edit == 1 || edit % 20 == 0 || edit == edits) {
                    System.out.printf("after edit %d: %d MB used heap (%+d MB since the first)%n", edit,
                            used >> 20, (used - first) >> 20);
                }
            }
        } finally {
            for (int i = 0; i < files.length; i++) {
                Files.writeString(files[i], originals[i]);
            }
        }
    }
}
