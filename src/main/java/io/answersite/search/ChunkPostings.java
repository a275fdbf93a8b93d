package io.answersite.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The build cache's form of one chunk's merged postings (see {@code SearchIndex}): for each part,
 * the number of tokens, then each token, sorted, as its UTF-8 length and bytes, its number of pairs
 * and the pairs (document, weight) as four-byte integers. Bytes only, so that reading the cache
 * builds nothing of its choosing; anything that does not read back exactly is damage.
 */
final class ChunkPostings {

    private ChunkPostings() {
    }

    static byte[] bytes(List<Map<String, Postings>> parts) {
        List<List<Map.Entry<byte[], Postings>>> sorted = new ArrayList<>();
        int size = 4;
        for (Map<String, Postings> part : parts) {
            List<Map.Entry<byte[], Postings>> entries = new ArrayList<>();
            for (Map.Entry<String, Postings> entry : new TreeMap<>(part).entrySet()) {
                byte[] token = entry.getKey().getBytes(StandardCharsets.UTF_8);
                entries.add(Map.entry(token, entry.getValue()));
                size += 8 + token.length + entry.getValue().size() * 8;
            }
            size += 4;
            sorted.add(entries);
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.putInt(parts.size());
        for (List<Map.Entry<byte[], Postings>> part : sorted) {
            buffer.putInt(part.size());
            for (Map.Entry<byte[], Postings> entry : part) {
                buffer.putInt(entry.getKey().length).put(entry.getKey());
                entry.getValue().writeTo(buffer);
            }
        }
        return buffer.array();
    }

    static List<Map<String, Postings>> of(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int count = buffer.getInt();
        if (count < 0 || count > 1 << 10) {
            throw new IllegalArgumentException("not a chunk's postings");
        }
        List<Map<String, Postings>> parts = new ArrayList<>(count);
        for (int part = 0; part < count; part++) {
            int tokens = buffer.getInt();
            if (tokens < 0 || tokens > buffer.remaining()) {
                throw new IllegalArgumentException("not a chunk's postings");
            }
            Map<String, Postings> postings = new HashMap<>(Math.max(16, tokens * 4 / 3 + 1));
            for (int i = 0; i < tokens; i++) {
                int length = buffer.getInt();
                if (length < 0 || length > buffer.remaining()) {
                    throw new IllegalArgumentException("not a chunk's postings");
                }
                String token = new String(bytes, buffer.position(), length, StandardCharsets.UTF_8);
                buffer.position(buffer.position() + length);
                postings.put(token, Postings.readFrom(buffer));
            }
            parts.add(postings);
        }
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException("not a chunk's postings");
        }
        return parts;
    }
}
