package io.answersite.cache;

import io.answersite.cache.BuildCache.Outcome;
import io.answersite.content.Kind;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.graph.HeldBack;
import io.answersite.sink.OutputManifest;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code site.bin}, the record of the last successful build: its inputs' fingerprint, the output
 * folder as it left it (path, size and modification time of each file) and what it found and wrote.
 * Written field by field with {@link DataOutputStream}; anything unreadable reads as no record.
 */
final class SiteRecord {

    private static final String MAGIC = "answersite-build-cache-1";

    private SiteRecord() {
    }

    /** See {@link BuildCache#recordsInputs}. */
    static boolean recordsInputs(Path file, String inputs) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 12))) {
            return MAGIC.equals(in.readUTF()) && inputs.equals(in.readUTF());
        } catch (IOException | RuntimeException e) {
            return false; // an unreadable cache is no cache
        }
    }

    /** See {@link BuildCache#upToDate}. */
    static Optional<Outcome> upToDate(Path file, String inputs, OutputManifest listed) {
        if (!Files.isRegularFile(file) || listed.files().isEmpty()) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF()) || !inputs.equals(in.readUTF())) {
                return Optional.empty();
            }
            Map<String, long[]> manifest = readManifest(in);
            Outcome outcome = readOutcome(in);
            return equalManifests(listed.files(), manifest) ? Optional.of(outcome) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable cache is no cache
        }
    }

    /** See {@link BuildCache#untouchedOutputs}. */
    static Set<String> untouched(Path file, OutputManifest listed) {
        if (!Files.isRegularFile(file) || listed.files().isEmpty()) {
            return Set.of();
        }
        Map<String, long[]> recorded;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                return Set.of();
            }
            in.readUTF(); // the inputs of that build, whatever they were
            recorded = readManifest(in);
        } catch (IOException | RuntimeException e) {
            return Set.of(); // an unreadable record trusts nothing
        }
        Set<String> untouched = new HashSet<>();
        listed.files().forEach((path, now) -> {
            if (Arrays.equals(now, recorded.get(path))) {
                untouched.add(path);
            }
        });
        return untouched;
    }

    /** The output manifest {@link #write} wrote after the inputs: path, size, modification time. */
    private static Map<String, long[]> readManifest(DataInputStream in) throws IOException {
        Map<String, long[]> manifest = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            manifest.put(in.readUTF(), new long[] {in.readLong(), in.readLong()});
        }
        return manifest;
    }

    /** See {@link BuildCache#remember}. */
    static void write(DataOutputStream out, String inputs, OutputManifest output, Outcome outcome) throws IOException {
        Map<String, long[]> manifest = output.files();
        out.writeUTF(MAGIC);
        out.writeUTF(inputs);
        out.writeInt(manifest.size());
        for (Map.Entry<String, long[]> entry : manifest.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeLong(entry.getValue()[0]);
            out.writeLong(entry.getValue()[1]);
        }
        writeOutcome(out, outcome);
    }

    private static boolean equalManifests(Map<String, long[]> a, Map<String, long[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, long[]> entry : a.entrySet()) {
            if (!Arrays.equals(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static void writeOutcome(DataOutputStream out, Outcome outcome) throws IOException {
        FindingsCodec.write(out, outcome.diagnostics());
        out.writeInt(outcome.pagesByKind().size());
        for (Map.Entry<String, Map<String, Integer>> kind : outcome.pagesByKind().entrySet()) {
            out.writeUTF(kind.getKey());
            out.writeInt(kind.getValue().size());
            for (Map.Entry<String, Integer> language : new TreeMap<>(kind.getValue()).entrySet()) {
                out.writeUTF(language.getKey());
                out.writeInt(language.getValue());
            }
        }
        out.writeInt(outcome.staticFiles());
        out.writeInt(outcome.heldBack().size());
        for (HeldBack held : outcome.heldBack()) {
            out.writeUTF(held.key().kind().name());
            out.writeUTF(held.key().id());
            out.writeUTF(held.key().language());
            out.writeUTF(held.sourcePath());
            out.writeUTF(held.reason());
        }
        out.writeInt(outcome.maxLinesPerRule());
    }

    private static Outcome readOutcome(DataInputStream in) throws IOException {
        List<Diagnostic> diagnostics = FindingsCodec.read(in);
        Map<String, Map<String, Integer>> pages = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String kind = in.readUTF();
            Map<String, Integer> languages = new TreeMap<>();
            for (int j = in.readInt(); j > 0; j--) {
                languages.put(in.readUTF(), in.readInt());
            }
            pages.put(kind, languages);
        }
        int staticFiles = in.readInt();
        List<HeldBack> heldBack = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            PageKey key = new PageKey(Kind.valueOf(in.readUTF()), in.readUTF(), in.readUTF());
            heldBack.add(new HeldBack(key, in.readUTF(), in.readUTF()));
        }
        return new Outcome(List.copyOf(diagnostics), pages, staticFiles, List.copyOf(heldBack), in.readInt());
    }
}
