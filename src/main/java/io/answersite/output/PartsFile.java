package io.answersite.output;

import io.answersite.text.LeftBytes;
import io.answersite.text.PartsLeftInFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A file written from its parts one after the other, never joined into one array: a large site's
 * llms-full.txt is hundreds of megabytes, and its parts (the pages' Markdown twins) may be read back
 * from a file one at a time as they are written (see {@code text.ParkedBytes}). Each method takes
 * each part once.
 */
final class PartsFile {

    private static final int BUFFER_BYTES = 1 << 13;

    private PartsFile() {
    }

    /** Which of {@code parts} are bytes left in a file: none, unless the list knows. */
    private static PartsLeftInFiles leftIn(List<byte[]> parts) {
        return parts instanceof PartsLeftInFiles some ? some : index -> null;
    }

    /** Whether {@code published} holds exactly the parts, in order; false when it cannot be read. */
    static boolean sameAs(Path published, List<byte[]> parts) {
        try {
            if (!Files.isRegularFile(published)) {
                return false;
            }
            long size = Files.size(published);
            if (parts.size() == 1) { // a page: compared through a buffer, not read whole (about 17 MB in an edited 10,000-page build)
                byte[] part = parts.get(0);
                if (part.length != size) {
                    return false;
                }
                try (InputStream in = Files.newInputStream(published)) {
                    return sameBytes(in, part, new byte[(int) Math.min(size, BUFFER_BYTES)]) && in.read() == -1;
                }
            }
            long seen = 0;
            // one buffer for the whole file: a part read into an array of its own allocated as much as
            // the file again (an edited 10,000-page site's llms-full.txt, compared up to the edited page);
            // a part left in a file is read through a second one
            byte[] buffer = new byte[BUFFER_BYTES];
            byte[] leftBuffer = new byte[BUFFER_BYTES];
            PartsLeftInFiles left = leftIn(parts);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(published), 1 << 16)) {
                for (int i = 0; i < parts.size(); i++) {
                    LeftBytes leftPart = left.left(i);
                    if (leftPart != null) {
                        seen += leftPart.length();
                        if (seen > size || !leftPart.sameAs(in, leftBuffer, buffer)) {
                            return false;
                        }
                        continue;
                    }
                    byte[] part = parts.get(i);
                    seen += part.length;
                    if (seen > size || !sameBytes(in, part, buffer)) {
                        return false;
                    }
                }
            }
            return seen == size;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the next {@code part.length} bytes of {@code in} are {@code part}'s, read through {@code buffer}. */
    private static boolean sameBytes(InputStream in, byte[] part, byte[] buffer) throws IOException {
        for (int at = 0; at < part.length; ) {
            int read = in.readNBytes(buffer, 0, Math.min(buffer.length, part.length - at));
            if (read == 0 || !Arrays.equals(buffer, 0, read, part, at, at + read)) {
                return false;
            }
            at += read;
        }
        return true;
    }

    /**
     * Writes the parts to {@code target}; what the commit journal needs of the file (its size and
     * CRC-32C). Parts left in a file are copied through one buffer: an edited 10,000-page site's
     * llms-full.txt and llms.json (default corpus shape), read part by part into arrays of their own,
     * allocated about 100 MB.
     */
    static CommitJournal.Move write(Path target, String relativePath, List<byte[]> parts) throws IOException {
        CRC32C crc = new CRC32C();
        long size = 0;
        PartsLeftInFiles left = leftIn(parts);
        byte[] buffer = null;
        try (OutputStream out = parts.size() == 1 ? Files.newOutputStream(target)
                : new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            for (int i = 0; i < parts.size(); i++) {
                LeftBytes leftPart = left.left(i);
                if (leftPart != null) {
                    buffer = buffer == null ? new byte[BUFFER_BYTES] : buffer;
                    leftPart.copyTo(out, crc, buffer);
                    size += leftPart.length();
                    continue;
                }
                byte[] part = parts.get(i);
                out.write(part);
                crc.update(part);
                size += part.length;
            }
        }
        return new CommitJournal.Move(relativePath, size, (int) crc.getValue());
    }
}
