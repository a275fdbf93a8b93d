package io.answersite.emit;

import io.answersite.text.LeftBytes;
import io.answersite.text.PartsLeftInFiles;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * A file's parts, each made or read back when it is asked for: a large site's llms-full.txt and
 * llms.json are hundreds of megabytes of parts that a build keeps in a file beyond its budget
 * ({@link io.answersite.text.ParkedBytes}), and the output writes them one after the other without
 * ever holding them all.
 */
final class PartsAsTaken extends AbstractList<byte[]> implements RandomAccess, PartsLeftInFiles {

    private final List<Supplier<byte[]>> parts;

    PartsAsTaken(List<Supplier<byte[]>> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public byte[] get(int index) {
        return parts.get(index).get();
    }

    @Override
    public LeftBytes left(int index) {
        return parts.get(index) instanceof LeftBytes left ? left : null;
    }

    @Override
    public int size() {
        return parts.size();
    }
}
