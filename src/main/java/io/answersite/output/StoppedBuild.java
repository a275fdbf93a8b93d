package io.answersite.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a stopped build leaves beside the output folder, and how it is put back in order
 * ({@link OutputTree#recover}): staging folders named after the output folder, and the commit
 * journal. Apart from {@link OutputTree}, which writes them, because putting them back in order is
 * its own story (and runs before any build writes).
 */
final class StoppedBuild {

    private StoppedBuild() {
    }

    /** How the staging folders of builds of {@code outputDir} begin (so that the final move is a rename). */
    static String stagingPrefix(Path outputDir) {
        return "." + outputDir.getFileName() + ".staging-";
    }

    /** See {@link OutputTree#recover}. */
    static List<String> recover(Path outputDir) {
        Path absolute = outputDir.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        List<String> done = new ArrayList<>();
        if (parent == null || !Files.isDirectory(parent)) {
            return done;
        }
        try {
            Path journalFile = CommitJournal.fileOf(absolute);
            if (Files.exists(journalFile)) {
                String stagingName = null;
                try {
                    CommitJournal journal = CommitJournal.read(journalFile);
                    stagingName = journal.stagingName();
                    journal.apply(absolute, point -> { }, true);
                    done.add("completed the commit of a build that was stopped: " + journal.size()
                            + " files moved in or deleted in " + absolute);
                } catch (CommitJournal.Damaged e) {
                    deleteTree(absolute);
                    done.add("deleted " + absolute + ": a stopped build's commit could not be completed (" + e.getMessage()
                            + "); this build writes it whole");
                }
                if (stagingName != null && stagingName.startsWith(stagingPrefix(absolute))) {
                    deleteTree(absolute.resolveSibling(stagingName)); // a damaged journal's is deleted below
                }
                Files.delete(journalFile);
                Durable.folder(parent);
            }
            Files.deleteIfExists(CommitJournal.partialFileOf(absolute));
            try (Stream<Path> beside = Files.list(parent)) {
                for (Path left : beside.filter(p -> p.getFileName().toString().startsWith(stagingPrefix(absolute)))
                        .sorted().toList()) {
                    deleteTree(left);
                    done.add("deleted " + left.getFileName() + ", left by a build that was stopped");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put " + absolute + " back in order after a stopped build", e);
        }
        return done;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
