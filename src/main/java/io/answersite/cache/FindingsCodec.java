package io.answersite.cache;

import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.Severity;
import io.answersite.diagnostic.SourcePos;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings as the build cache keeps them, field by field: the last build's outcome ({@link SiteRecord})
 * and the content checks' findings of unchanged files ({@code check.ContentChecks}). A message is
 * written with its length as an int: a quoted title or link can make it longer than
 * {@link DataOutputStream#writeUTF} takes.
 */
public final class FindingsCodec {

    private FindingsCodec() {
    }

    /** Writes {@code findings}, their count first. */
    static void write(DataOutputStream out, List<Diagnostic> findings) throws IOException {
        out.writeInt(findings.size());
        for (Diagnostic d : findings) {
            out.writeUTF(d.severity().name());
            out.writeUTF(d.ruleId());
            byte[] message = d.message().getBytes(StandardCharsets.UTF_8);
            out.writeInt(message.length);
            out.write(message);
            out.writeUTF(d.pos().path());
            out.writeInt(d.pos().line());
            out.writeInt(d.pos().column());
        }
    }

    /** Reads what {@link #write} wrote. */
    static List<Diagnostic> read(DataInputStream in) throws IOException {
        return read(in, false);
    }

    /** As {@link #read(DataInputStream)}; with {@code knownRules}, a rule id no rule has is damage. */
    private static List<Diagnostic> read(DataInputStream in, boolean knownRules) throws IOException {
        List<Diagnostic> findings = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            Severity severity = Severity.valueOf(in.readUTF());
            String rule = knownRules ? Rules.require(in.readUTF()).id() : in.readUTF();
            byte[] message = new byte[in.readInt()];
            in.readFully(message);
            findings.add(new Diagnostic(severity, rule, new String(message, StandardCharsets.UTF_8),
                    new SourcePos(in.readUTF(), in.readInt(), in.readInt())));
        }
        return findings;
    }

    /** {@code findings} as bytes (a fragment's value). */
    public static byte[] bytes(List<Diagnostic> findings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: never
        }
        return bytes.toByteArray();
    }

    /**
     * What {@link #bytes} gave; throws on bytes that do not read or name a rule that does not exist (a
     * damaged fragment is made again).
     */
    public static List<Diagnostic> of(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return read(in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
