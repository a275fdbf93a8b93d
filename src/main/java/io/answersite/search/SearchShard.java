package io.answersite.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.answersite.text.Murmur3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One shard of the inverted index as written: its JSON file, the estimate of its postings' bytes
 * that decides how many shards there are, and its Latin-script words for {@code vocab.json}. Kept
 * between builds by the postings it was made from (with a byte form for the build cache), so an
 * edit writes again only the shards whose postings changed.
 *
 * @param json {@code {"token":[[doc,weight],…],…}}, tokens in sorted order; null for a shard taken back
 *     from the build cache, which keeps only the file's hash (the published file holds the bytes)
 * @param hash the JSON's hash ({@link Murmur3#of}: only the build cache compares it, nothing publishes it)
 * @param bytes the estimate {@link SearchIndex#shardCount} takes: three bytes a token character,
 *     eight a token and ten a posting
 * @param words the shard's tokens that are words ({@link SearchTokenizer#isWord}), sorted
 */
record SearchShard(byte[] json, byte[] hash, long bytes, List<String> words) {

    private static final JsonFactory JSON = new JsonFactory();

    /** A shard of these tokens, each cut to its {@link SearchIndex#MAX_POSTINGS} best postings. */
    static SearchShard of(Map<String, Postings> postings) {
        List<String> tokens = new ArrayList<>(postings.keySet());
        tokens.sort(null);
        List<String> words = new ArrayList<>();
        long bytes = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(SearchIndex.SHARD_BYTES * 2);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (String token : tokens) {
                Postings list = postings.get(token);
                list.keepBest(SearchIndex.MAX_POSTINGS);
                bytes += token.length() * 3L + 8 + list.size() * 10L;
                if (SearchTokenizer.isWord(token)) {
                    words.add(token);
                }
                json.writeFieldName(token);
                json.writeStartArray();
                for (int i = 0; i < list.size(); i++) {
                    json.writeStartArray();
                    json.writeNumber(list.doc(i));
                    json.writeNumber(list.weight(i));
                    json.writeEndArray();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] json = out.toByteArray();
        return new SearchShard(json, Murmur3.of(json), bytes, List.copyOf(words));
    }

    /**
     * The build cache's form: the JSON's hash (not the JSON: the published file has it), the
     * estimate, the words as UTF-8 with their lengths.
     */
    byte[] toBytes() {
        List<byte[]> utf8 = words.stream().map(word -> word.getBytes(StandardCharsets.UTF_8)).toList();
        ByteBuffer buffer = ByteBuffer.allocate(32 + 8 + 4 + utf8.stream().mapToInt(w -> 4 + w.length).sum());
        buffer.put(hash).putLong(bytes).putInt(utf8.size());
        utf8.forEach(word -> buffer.putInt(word.length).put(word));
        return buffer.array();
    }

    /** Reads what {@link #toBytes} gave (without the JSON); throws on bytes that do not read back exactly. */
    static SearchShard read(byte[] stored) {
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        byte[] hash = new byte[32];
        buffer.get(hash);
        long bytes = buffer.getLong();
        int count = checked(buffer.getInt(), buffer.remaining() / 4);
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = checked(buffer.getInt(), buffer.remaining());
            words.add(new String(stored, buffer.position(), length, StandardCharsets.UTF_8));
            buffer.position(buffer.position() + length);
        }
        if (buffer.hasRemaining() || bytes < 0) {
            throw new IllegalArgumentException("not a search shard");
        }
        return new SearchShard(null, hash, bytes, List.copyOf(words));
    }

    private static int checked(int length, int limit) {
        if (length < 0 || length > limit) {
            throw new IllegalArgumentException("not a search shard");
        }
        return length;
    }
}
