package io.answersite.sink;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of an output folder, each with its size and modification time in milliseconds, by
 * relative path with {@code /} separators: how the build cache tells the files the last build left
 * from files changed since. Taken by the write stage when it commits a build (it lists the folder
 * anyway, to delete what the build no longer makes), so the cache does not list it again.
 *
 * @param files {@code [size, modified]} by path, sorted; unmodifiable
 */
public record OutputManifest(SortedMap<String, long[]> files) {

    public OutputManifest {
        files = Collections.unmodifiableSortedMap(files);
    }

    /** Lists {@code folder} (empty when it does not exist): one stat per file, the walk's own. */
    public static OutputManifest of(Path folder) {
        SortedMap<String, long[]> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return new OutputManifest(files);
        }
        int root = folder.toString().length() + 1;
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    // every entry that is not a folder: a link or a special file is the build's to delete too
                    String path = file.toString().substring(root);
                    files.put(File.separatorChar == '/' ? path : path.replace(File.separatorChar, '/'),
                            stamp(attributes));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return new OutputManifest(files);
    }

    /** A file's size and modification time as a manifest records them. */
    public static long[] stamp(BasicFileAttributes attributes) {
        return new long[] {attributes.size(), attributes.lastModifiedTime().toMillis()};
    }
}
