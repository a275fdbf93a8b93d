package io.answersite.search;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.answersite.cache.Fragments;
import io.answersite.cache.Same;
import io.answersite.config.Language;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.emit.SiteText;
import io.answersite.graph.UrlScheme;
import io.answersite.sink.SiteOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Writes the search index of each language under {@code /search/<lang>/}:
 * <ul>
 *   <li>{@code manifest.json}: the number of documents, of token shards, and of documents per chunk;</li>
 *   <li>{@code t-<n>.json}: a shard of the inverted index, token to {@code [[doc, weight], …]}, the
 *       shard chosen by a hash of the token, so a query loads only the shards of its tokens;</li>
 *   <li>{@code d-<n>.json}: documents, {@code [url, title, kind, snippet]}, in chunks;</li>
 *   <li>{@code vocab.json}: the Latin-script words, for typo-tolerant lookups.</li>
 * </ul>
 * Weights: titles, questions, terms and synonyms 4; tags and the short answer, definition or
 * description 2; the rest of the text 1; a token counts at most three times per field.
 */
public final class SearchIndex {

    public static final int DOCS_PER_CHUNK = 32;
    /** Shards are sized for about this many bytes of postings each. */
    static final int SHARD_BYTES = 24 * 1024;
    /**
     * A token found in more documents keeps only its best-weighted postings: such a token says
     * little about any one page (its idf is near zero), and its full list would dominate what a
     * query downloads.
     */
    static final int MAX_POSTINGS = 1000;

    private final SiteText site;
    private final Fragments fragments;
    private final ObjectMapper json = new ObjectMapper();

    public SearchIndex(SiteText site) {
        this(site, Fragments.none());
    }

    /** @param fragments each page's tokens from earlier builds, reused while the page record is the same */
    public SearchIndex(SiteText site, Fragments fragments) {
        this.site = site;
        this.fragments = fragments;
    }

    public void emit(SiteOutput output) {
        for (Language language : site.config().languages()) {
            emit(language, output);
        }
    }

    private void emit(Language language, SiteOutput output) {
        List<Page> docs = site.graph().pages().values().stream()
                .filter(p -> p.key().language().equals(language.code()) && p.key().kind() != Kind.HUB).toList();
        // tokenizing is most of the work: both cores take a chunk of documents, then each core merges
        // the postings of its part of the tokens, reading the chunk in document order (so every
        // posting list comes out sorted by document); chunks keep only a few documents' tokens alive
        List<Map<String, Postings>> parts = new ArrayList<>();
        for (int part = 0; part < MERGE_PARTS; part++) {
            parts.add(new HashMap<>());
        }
        for (int start = 0; start < docs.size(); start += MERGE_CHUNK) {
            int first = start;
            if (fragments.storesOnDisk()) {
                // the build cache keeps each chunk's merged postings by the files its documents came from:
                // an edit tokenizes and merges one chunk again, and reads the others' postings back
                List<Page> chunkDocs = docs.subList(start, Math.min(docs.size(), start + MERGE_CHUNK));
                List<Object> inputs = chunkDocs.stream().<Object>map(Same::new).toList();
                List<Map<String, Postings>> chunkParts = fragments.get("search-chunk", language.code() + "/" + first,
                        SearchIndex.class, inputs, () -> mergeChunk(chunkDocs, first), ChunkPostings::bytes,
                        ChunkPostings::of);
                IntStream.range(0, MERGE_PARTS).parallel().forEach(part -> chunkParts.get(part).forEach((token, list) ->
                        parts.get(part).computeIfAbsent(token, t -> new Postings()).addAll(list)));
                continue;
            }
            List<DocWeights> chunk = IntStream.range(start, Math.min(docs.size(), start + MERGE_CHUNK)).parallel()
                    .mapToObj(doc -> fragments.<DocWeights>get("search", docs.get(doc).key(), docs.get(doc), null,
                            () -> DocWeights.of(docs.get(doc)))).toList();
            if (!fragments.keeps()) {
                IntStream.range(0, MERGE_PARTS).parallel().forEach(part -> merge(chunk, first, part, parts.get(part)));
                continue;
            }
            // a chunk's postings are kept while its documents are the same (the same token arrays), so
            // an edit merges one chunk again and appends the others' postings whole
            List<Map<String, Postings>> chunkParts = fragments.get("search-chunk", language.code() + "/" + first,
                    SearchIndex.class, chunk, () -> IntStream.range(0, MERGE_PARTS).parallel()
                            .mapToObj(part -> {
                                Map<String, Postings> partial = new HashMap<>();
                                merge(chunk, first, part, partial);
                                return partial;
                            }).toList());
            IntStream.range(0, MERGE_PARTS).parallel().forEach(part -> chunkParts.get(part).forEach((token, list) ->
                    parts.get(part).computeIfAbsent(token, t -> new Postings()).addAll(list)));
        }
        TreeSet<String> vocabulary = new TreeSet<>();
        long bytes = 0;
        for (Map<String, Postings> part : parts) {
            for (Map.Entry<String, Postings> entry : part.entrySet()) {
                Postings list = entry.getValue();
                if (!fragments.keeps()) {
                    list.keepBest(MAX_POSTINGS);
                } else if (list.size() > MAX_POSTINGS) {
                    // sorting the postings of the most common tokens is the costliest step left in a
                    // preview rebuild; their postings rarely change, so the choice is kept by value
                    Postings.Best best = fragments.get("best-postings", language.code() + "\n" + entry.getKey(),
                            SearchIndex.class, list.snapshot(), () -> list.best(MAX_POSTINGS));
                    list.replaceWith(best);
                }
                if (SearchTokenizer.isWord(entry.getKey())) {
                    vocabulary.add(entry.getKey());
                }
                bytes += entry.getKey().length() * 3L + 8 + entry.getValue().size() * 10L;
            }
        }
        int shards = shardCount(bytes);
        List<List<String>> tokensByShard = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            tokensByShard.add(new ArrayList<>());
        }
        Map<String, Postings> postings = new HashMap<>();
        parts.forEach(postings::putAll);
        postings.keySet().forEach(token -> tokensByShard.get(shard(token, shards)).add(token));
        String folder = UrlScheme.searchIndexFolder(language);
        IntStream.range(0, shards).parallel().forEach(i -> {
            List<String> tokens = tokensByShard.get(i);
            tokens.sort(null);
            // an edit changes the postings of a few shards: the others keep their bytes
            output.write(folder + "t-" + i + ".json", fragments.keeps()
                    ? fragments.get("search-shard", folder + i + "/" + shards, SearchIndex.class,
                            new ShardContent(tokens, tokens.stream().map(t -> postings.get(t).snapshot()).toList()),
                            () -> shardJson(tokens, postings))
                    : shardJson(tokens, postings));
        });
        for (int chunk = 0; chunk * DOCS_PER_CHUNK < Math.max(docs.size(), 1); chunk++) {
            List<List<String>> rows = new ArrayList<>();
            for (int doc = chunk * DOCS_PER_CHUNK; doc < Math.min(docs.size(), (chunk + 1) * DOCS_PER_CHUNK); doc++) {
                Page page = docs.get(doc);
                rows.add(List.of(site.urls().pagePath(page.key()), SiteText.oneLine(page.listTitle()),
                        site.t(language.code(), "kind_" + page.key().kind().refName()),
                        SiteText.oneLine(page.summary())));
            }
            output.write(folder + "d-" + chunk + ".json", fragments.get("search-docs", folder + chunk,
                    SearchIndex.class, rows, () -> write(rows)));
        }
        output.write(folder + "vocab.json", fragments.get("search-vocabulary", folder, SearchIndex.class, vocabulary,
                () -> write(vocabulary)));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", 1);
        manifest.put("docs", docs.size());
        manifest.put("shards", shards);
        manifest.put("chunk", DOCS_PER_CHUNK);
        output.write(folder + "manifest.json", write(manifest));
    }

    /** How many parts the tokens are split into for merging; a few per core keeps both busy. */
    private static final int MERGE_PARTS = 8;
    /** Documents tokenized before their postings are merged. */
    private static final int MERGE_CHUNK = 512;

    private static int part(String token) {
        return (token.hashCode() & 0x7fffffff) % MERGE_PARTS;
    }

    /** The postings of one chunk of documents, tokenized on both cores, in {@link #MERGE_PARTS} parts. */
    private static List<Map<String, Postings>> mergeChunk(List<Page> chunkDocs, int firstDoc) {
        List<DocWeights> chunk = chunkDocs.parallelStream().map(DocWeights::of).toList();
        return IntStream.range(0, MERGE_PARTS).parallel().mapToObj(part -> {
            Map<String, Postings> partial = new HashMap<>();
            merge(chunk, firstDoc, part, partial);
            return partial;
        }).toList();
    }

    private static void merge(List<DocWeights> chunk, int firstDoc, int part, Map<String, Postings> postings) {
        for (int n = 0; n < chunk.size(); n++) {
            DocWeights weights = chunk.get(n);
            for (int i = 0; i < weights.tokens().length; i++) {
                String token = weights.tokens()[i];
                if (part(token) == part) {
                    postings.computeIfAbsent(token, t -> new Postings()).add(firstDoc + n, weights.weights()[i]);
                }
            }
        }
    }

    /** What a shard's file shows: its tokens, sorted, and their postings. */
    private record ShardContent(List<String> tokens, List<Postings.Pairs> postings) {
    }

    /** A shard as JSON, tokens in sorted order: {@code {"token":[[doc,weight],…],…}}. */
    private byte[] shardJson(List<String> tokens, Map<String, Postings> postings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(SHARD_BYTES * 2);
        try (JsonGenerator out = json.getFactory().createGenerator(bytes)) {
            out.writeStartObject();
            for (String token : tokens) {
                out.writeFieldName(token);
                out.writeStartArray();
                Postings list = postings.get(token);
                for (int i = 0; i < list.size(); i++) {
                    out.writeStartArray();
                    out.writeNumber(list.doc(i));
                    out.writeNumber(list.weight(i));
                    out.writeEndArray();
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A power of two, so that shards hold about {@link #SHARD_BYTES} of postings each. */
    static int shardCount(long postingBytes) {
        int wanted = (int) Math.max(1, Math.min(1 << 16, (postingBytes + SHARD_BYTES - 1) / SHARD_BYTES));
        int power = Integer.highestOneBit(wanted);
        return power == wanted ? power : power << 1;
    }

    /** FNV-1a over the token's UTF-16 units, as search.js computes it with Math.imul. */
    public static int shard(String token, int shards) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < token.length(); i++) {
            hash ^= token.charAt(i);
            hash *= 0x01000193;
        }
        return (hash & 0x7fffffff) % shards;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
