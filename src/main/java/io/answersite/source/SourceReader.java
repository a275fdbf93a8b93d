package io.answersite.source;

import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads source files as UTF-8 text; a file that is not UTF-8 is a diagnostic, not an exception. */
public final class SourceReader {

    private final Path siteRoot;

    public SourceReader(Path siteRoot) {
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
    }

    /** The path of a file relative to the site root, with {@code /} separators, as reports print it. */
    public String label(Path file) {
        String plain = file.isAbsolute() ? RelativePaths.plain(siteRoot, file) : null; // normalized already
        if (plain != null) {
            return plain;
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(siteRoot) ? siteRoot.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** The decoded text, or empty after reporting why the file cannot be read as UTF-8. */
    public Optional<SourceText> read(Path file, Diagnostics diagnostics) {
        String label = label(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + label, e);
        }
        return decode(label, bytes, diagnostics);
    }

    /** Decodes bytes labelled {@code label}; exposed so tests can feed bytes without files. */
    public static Optional<SourceText> decode(String label, byte[] bytes, Diagnostics diagnostics) {
        // the JDK's own decoding is several times faster than a decoder's; it replaces each malformed
        // sequence with U+FFFD, so text without one was valid, and only text with one (a real U+FFFD
        // or a bad byte) is decoded again, strictly, to find the first bad byte
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') < 0) {
            return Optional.of(new SourceText(label, normalize(decoded)));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            String valid = normalize(out.toString());
            SourcePos pos = new SourceText(label, valid).posAt(valid.length());
            String badByte = String.format("0x%02X", bytes[in.position()] & 0xFF);
            diagnostics.error(Rules.ENCODING, pos, "the file is not valid UTF-8 (byte " + badByte
                    + " here); save it with UTF-8 encoding");
            return Optional.empty();
        }
        return Optional.of(new SourceText(label, normalize(out.toString())));
    }

    private static String normalize(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.indexOf('\r') < 0 ? withoutBom : withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }
}
