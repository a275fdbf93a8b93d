package io.answersite.output;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * What one commit is about to do to the output folder: the files to delete and the staged files to
 * move in, each with its size and CRC-32C. Written whole and forced to the disk ({@code .<name>.commit}
 * beside the output folder) before the first change to the output folder, and deleted after the last,
 * so that a build stopped in between (killed, out of memory, power lost) is completed by the next
 * one: the staged files are complete and on the disk, so every step can be done again.
 *
 * <p>Format: {@link DataOutputStream} fields (magic, staging folder name, deletes, moves), then the
 * CRC-32C of all of them; a journal whose checksum does not match is damaged, never half-trusted.
 */
final class CommitJournal {

    private static final String MAGIC = "answersite-commit-1";

    /** A staged file to move to {@code path} in the output folder. */
    record Move(String path, long size, int crc) {
    }

    /** The journal cannot be completed: it, a staged file or a file already moved is not what it says. */
    static final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }
    }

    private final String stagingName;
    private final List<String> deletes;
    private final List<Move> moves;

    CommitJournal(String stagingName, List<String> deletes, List<Move> moves) {
        this.stagingName = stagingName;
        this.deletes = List.copyOf(deletes);
        this.moves = List.copyOf(moves);
    }

    String stagingName() {
        return stagingName;
    }

    int size() {
        return deletes.size() + moves.size();
    }

    /** {@code .<name>.commit} beside the output folder. */
    static Path fileOf(Path outputDir) {
        return outputDir.resolveSibling("." + outputDir.getFileName() + ".commit");
    }

    /** The name the journal is written under before it is complete. */
    static Path partialFileOf(Path outputDir) {
        return outputDir.resolveSibling("." + outputDir.getFileName() + ".commit.partial");
    }

    /** Writes the journal beside the output folder and forces it to the disk; once this returns, it counts. */
    void write(Path outputDir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(stagingName);
            out.writeInt(deletes.size());
            for (String path : deletes) {
                out.writeUTF(path);
            }
            out.writeInt(moves.size());
            for (Move move : moves) {
                out.writeUTF(move.path());
                out.writeLong(move.size());
                out.writeInt(move.crc());
            }
            out.writeInt(crc(bytes.toByteArray()));
        }
        Path partial = partialFileOf(outputDir);
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(partial, fileOf(outputDir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durable.folder(outputDir.getParent());
    }

    /** Reads a complete journal. */
    static CommitJournal read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 4 || crc(Arrays.copyOf(bytes, bytes.length - 4))
                != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            throw new Damaged("the commit journal " + file.getFileName() + " is damaged");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new Damaged("the commit journal " + file.getFileName() + " is of another format");
            }
            String staging = in.readUTF();
            List<String> deletes = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                deletes.add(in.readUTF());
            }
            List<Move> moves = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                moves.add(new Move(in.readUTF(), in.readLong(), in.readInt()));
            }
            return new CommitJournal(staging, deletes, moves);
        }
    }

    /**
     * Does every step: deletes the files the new site no longer has (and folders left empty by that),
     * then moves each staged file in, then forces the folders it changed to the disk. Steps already
     * done (by a commit that was stopped) are skipped; with {@code verify}, each staged file, and each
     * file already moved, must still have its size and checksum, or nothing more is done.
     *
     * @param checkpoints hears {@code commit:delete} before each deletion and {@code commit:move} before each move
     */
    void apply(Path outputDir, Consumer<String> checkpoints, boolean verify) throws IOException {
        Path staging = outputDir.resolveSibling(stagingName);
        if (verify) {
            for (Move move : moves) {
                Path from = staging.resolve(move.path());
                Path at = Files.exists(from, LinkOption.NOFOLLOW_LINKS) ? from : outputDir.resolve(move.path());
                if (!Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS) || !matches(at, move)) {
                    throw new Damaged("'" + move.path() + "' of the stopped build's commit is missing or damaged");
                }
            }
        }
        Set<Path> changedFolders = new LinkedHashSet<>();
        for (String path : deletes) {
            checkpoints.accept("commit:delete");
            Path file = outputDir.resolve(path);
            Files.deleteIfExists(file);
            for (Path folder = file.getParent(); !folder.equals(outputDir) && isEmptyFolder(folder);
                 folder = folder.getParent()) {
                Files.delete(folder);
                changedFolders.add(folder.getParent());
            }
            changedFolders.add(file.getParent());
        }
        for (Move move : moves) {
            checkpoints.accept("commit:move");
            Path from = staging.resolve(move.path());
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                continue; // moved before the build was stopped
            }
            Path to = outputDir.resolve(move.path());
            for (Path folder = to.getParent(); !folder.equals(outputDir); folder = folder.getParent()) {
                if (!Files.isDirectory(folder)) {
                    changedFolders.add(folder.getParent());
                }
            }
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // the output folder is a link to another file system: copied, then the staged file deleted,
                // so a commit stopped in between copies it again
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
            changedFolders.add(to.getParent());
        }
        changedFolders.removeIf(folder -> !Files.isDirectory(folder));
        Durable.sync(List.of(), changedFolders);
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }

    private static boolean matches(Path file, Move move) throws IOException {
        if (Files.size(file) != move.size()) {
            return false;
        }
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                crc.update(buffer, 0, read);
            }
        }
        return (int) crc.getValue() == move.crc();
    }

    static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
