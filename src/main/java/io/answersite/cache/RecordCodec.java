package io.answersite.cache;

import io.answersite.text.SpanSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A compact binary form for value records, for the build cache's files: no Java serialization, so a
 * cache file is data, never code, and domain types need not be {@code Serializable}.
 *
 * <p>A codec is made for a few root types ({@link #of}); the records, enums and sealed interfaces
 * of {@code io.answersite} reachable from them through their components are its <em>schema</em>.
 * Values are written component by component with the records' accessors and read back with their
 * canonical constructors. Every value is tagged with its runtime type (so type variables such as
 * {@code Located<T>.value} and {@code Object} components work): null, strings (and {@link io.answersite.text.LargeText}, written as
 * its string), {@code int},
 * {@code long}, {@code boolean}, {@code double}, byte arrays, {@link LocalDate}, lists, maps (in
 * their iteration order; a map sorted by its keys' natural order is read back as a {@link TreeMap}),
 * optionals, enums and records. A record or enum class is named once per file, the first time it
 * occurs (a small class table in the stream); a reader resolves those names in the schema only, never
 * with {@code Class.forName}, and checks every value against the type its component declares.
 * Strings of up to {@value #SHARED_STRING_CHARS} characters are written once per file and referred to
 * after that.
 *
 * <p>A stream starts with a header: a magic number, {@link #FORMAT_VERSION}, and the schema's
 * {@linkplain #fingerprint fingerprint} (a hash of every class name, component name and type, enum
 * constant and permitted subclass), so a plugin whose records changed refuses an old file instead of
 * misreading it. Anything else met while writing is a programming error:
 * {@link IllegalArgumentException} naming the type and the components that led to it. A damaged or
 * foreign stream is an {@link IOException} while reading, never another exception.
 *
 * <p>A codec is immutable and thread-safe; its {@link ValueOutput} and {@link ValueInput} are for one stream
 * and one thread.
 */
public final class RecordCodec {

    /** The version of the encoding itself; the schema has its own fingerprint. */
    public static final int FORMAT_VERSION = 1;

    static final int MAGIC = 0x41535643; // "ASVC": Answersite value codec
    static final int FINGERPRINT_BYTES = 32;
    static final int SHARED_STRING_CHARS = 64;
    /** The most UTF-8 bytes a string of {@link #SHARED_STRING_CHARS} chars takes (three per char): longer ones are never shared. */
    static final int LONGEST_SHARED_UTF8 = 3 * SHARED_STRING_CHARS;

    static final int TAG_NULL = 0;
    static final int TAG_STRING = 1;
    static final int TAG_STRING_REF = 2;
    static final int TAG_INT = 3;
    static final int TAG_LONG = 4;
    static final int TAG_TRUE = 5;
    static final int TAG_FALSE = 6;
    static final int TAG_DOUBLE = 7;
    static final int TAG_BYTES = 8;
    static final int TAG_DATE = 9;
    static final int TAG_LIST = 10;
    static final int TAG_MAP = 11;
    static final int TAG_SORTED_MAP = 12;
    static final int TAG_OPTIONAL_EMPTY = 13;
    static final int TAG_OPTIONAL = 14;
    static final int TAG_ENUM = 15;
    static final int TAG_RECORD = 16;

    private final CodecSchema schema;

    private RecordCodec(List<Class<?>> roots) {
        this.schema = new CodecSchema(roots);
    }

    /**
     * The codec whose schema is {@code roots} (records, enums or sealed interfaces of
     * {@code io.answersite}) and everything reachable from them.
     *
     * @throws IllegalArgumentException when a component declares a type the codec cannot keep
     */
    public static RecordCodec of(Class<?>... roots) {
        return new RecordCodec(List.of(roots));
    }

    /** The hash of the schema: every class name, component name and declared type, enum constant and permitted subclass. */
    public byte[] fingerprint() {
        return schema.fingerprint.clone();
    }

    /** Writes the header to {@code out} and returns a writer of values after it. */
    public ValueOutput output(OutputStream out) throws IOException {
        ValueOutput output = new ValueOutput(schema, out);
        output.fixedInt(MAGIC);
        output.fixedInt(FORMAT_VERSION);
        output.raw(schema.fingerprint);
        return output;
    }

    /**
     * Reads the header from {@code in} and returns a reader of the values after it.
     *
     * @throws IOException when the stream is not of this format version and schema
     */
    public ValueInput input(InputStream in) throws IOException {
        ValueInput input = new ValueInput(schema, in);
        if (input.fixedInt() != MAGIC) {
            throw new IOException("not a cache file of this plugin");
        }
        int version = input.fixedInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("cache format " + version + ", this plugin reads " + FORMAT_VERSION);
        }
        byte[] stored = input.raw(FINGERPRINT_BYTES);
        if (!Arrays.equals(stored, schema.fingerprint)) {
            throw new IOException("a cache file of records that have changed since");
        }
        return input;
    }

    /**
     * As {@link #input(InputStream)}, for a stream of {@code file} from its first byte: large texts are
     * left in the file ({@link ValueInput#leaveLargeTextsIn}), which must stay open and unchanged while
     * they are read.
     */
    public ValueInput input(InputStream in, SpanSource file) throws IOException {
        ValueInput input = input(in);
        input.leaveLargeTextsIn(file);
        return input;
    }
}
