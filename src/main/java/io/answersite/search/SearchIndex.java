package io.answersite.search;

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
import io.answersite.text.LeftBytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
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
        // one language after the other: each holds every chunk's postings until its shards are made, and
        // a chunk's pages are tokenized on both cores (below), so a small language leaves no core idle
        for (Language language : site.config().languages()) {
            emit(language, output);
        }
    }

    private void emit(Language language, SiteOutput output) {
        List<Page> docs = site.graph().pages().values().stream()
                .filter(p -> p.key().language().equals(language.code()) && p.key().kind() != Kind.HUB).toList();
        String folder = UrlScheme.searchIndexFolder(language);
        // each chunk's postings are kept by the documents it holds: an edit tokenizes one chunk again
        List<ChunkSource> chunks = IntStream.range(0, (docs.size() + MERGE_CHUNK - 1) / MERGE_CHUNK).parallel()
                .mapToObj(chunk -> {
                    int first = chunk * MERGE_CHUNK;
                    List<Page> chunkDocs = docs.subList(first, Math.min(docs.size(), first + MERGE_CHUNK));
                    List<Object> inputs = chunkDocs.stream().<Object>map(Same::new).toList();
                    String id = language.code() + "/" + first;
                    ChunkSource kept = fragments.storesOnDisk() ? chunkOnDisk(id, inputs, () -> mergeChunk(chunkDocs, first))
                            : fragments.get("search-chunk", id, SearchIndex.class, inputs, () -> mergeChunk(chunkDocs, first),
                                    ChunkPostings::bytes, ChunkPostings::read);
                    // a chunk taken back whole asked nothing of its pages: keep their tokens for the
                    // edit that makes the chunk again, else that edit tokenizes all its pages
                    chunkDocs.forEach(page -> fragments.retain("search", page.key()));
                    return kept;
                }).toList();
        // with the last build's number of shards, only the shards whose postings changed are merged
        // again; the estimate they add up to says whether that number still holds
        List<SearchShard> shards = fragments.last("search-shards", language.code(), SearchIndex::intOf)
                .map(count -> shards(chunks, count, folder)).orElse(null);
        if (shards == null || shardCount(shards.stream().mapToLong(SearchShard::bytes).sum()) != shards.size()) {
            shards = allShards(chunks, folder);
        }
        int count = shards.size();
        fragments.get("search-shards", language.code(), SearchIndex.class, count, () -> count, SearchIndex::intBytes,
                SearchIndex::intOf);
        keepRanges(chunks, count);
        List<SearchShard> written = shards;
        IntStream.range(0, count).parallel().forEach(i -> {
            String path = folder + "t-" + i + ".json";
            SearchShard shard = written.get(i);
            if (shard.json() != null) {
                output.write(path, shard.json());
                return;
            }
            // taken back from the build cache, which keeps the file's hash: the published file has the bytes
            fragments.published(path).ifPresentOrElse(published -> output.keepPublished(path, shard.hash(), published),
                    () -> output.write(path, SearchShard.of(merge(chunks, i, count)).json()));
        });
        TreeSet<String> vocabulary = new TreeSet<>();
        shards.forEach(shard -> vocabulary.addAll(shard.words()));
        // site.yml and the UI strings, one instance while equal: a chunk's rows are kept while its pages' records are
        Same sameConstants = fragments.same("site-constants", List.of(site.config(), site.allStrings()));
        for (int chunk = 0; chunk * DOCS_PER_CHUNK < Math.max(docs.size(), 1); chunk++) {
            List<Page> chunkDocs = docs.subList(Math.min(docs.size(), chunk * DOCS_PER_CHUNK),
                    Math.min(docs.size(), (chunk + 1) * DOCS_PER_CHUNK));
            List<Object> inputs = new ArrayList<>(chunkDocs.size() + 1);
            inputs.add(sameConstants);
            chunkDocs.forEach(page -> inputs.add(new Same(page)));
            // kept in the build cache too: an edit makes one chunk's rows again, not every page's
            output.write(folder + "d-" + chunk + ".json", fragments.get("search-docs", folder + chunk,
                    SearchIndex.class, inputs, () -> write(rows(chunkDocs, language)), bytes -> bytes, bytes -> bytes));
        }
        output.write(folder + "vocab.json", fragments.get("search-vocabulary", folder, SearchIndex.class, vocabulary,
                () -> write(vocabulary)));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", 1);
        manifest.put("docs", docs.size());
        manifest.put("shards", count);
        manifest.put("chunk", DOCS_PER_CHUNK);
        output.write(folder + "manifest.json", write(manifest));
    }

    /** A chunk of documents as {@code d-<n>.json} lists them: URL, title, kind, snippet. */
    private List<List<String>> rows(List<Page> chunkDocs, Language language) {
        List<List<String>> rows = new ArrayList<>(chunkDocs.size());
        for (Page page : chunkDocs) {
            rows.add(List.of(site.urls().pagePath(page.key()), SiteText.oneLine(page.listTitle()),
                    site.t(language.code(), "kind_" + page.key().kind().refName()), SiteText.oneLine(page.summary())));
        }
        return rows;
    }

    /**
     * Documents tokenized and merged together, and kept together between builds: an edit merges its
     * chunk again, so the fewer the cheaper the edit, while each build reads every chunk of a language.
     * 512 took an edited 10,000-page build (default corpus shape) 0.2–0.35 s more own time than 128 side
     * by side; clean builds took the same time (docs/PERFORMANCE.md, session 26).
     */
    private static final int MERGE_CHUNK = 128;
    /**
     * How many parts a build without the last number of shards merges the tokens in (on both
     * cores), before it knows how many shards they make.
     */
    private static final int MERGE_PARTS = 64;

    /**
     * The {@code count} shards, each kept by the digest of its ranges of every chunk: made again
     * (merged from those ranges) only when one of them changed.
     */
    private List<SearchShard> shards(List<? extends ChunkSource> chunks, int count, String folder) {
        return IntStream.range(0, count).parallel().mapToObj(shard -> kept(chunks, shard, count, folder,
                () -> SearchShard.of(merge(chunks, shard, count)))).toList();
    }

    /**
     * Shard {@code shard} of {@code count}: kept by the digest of its ranges of every chunk, else
     * {@code make}'s. Without fragments that outlive the build the digest would be read by nobody,
     * so it is not computed.
     */
    private SearchShard kept(List<? extends ChunkSource> chunks, int shard, int count, String folder,
                             Supplier<SearchShard> make) {
        if (!fragments.keeps() && !fragments.storesOnDisk()) {
            return make.get();
        }
        return fragments.get("search-shard", folder + shard, SearchIndex.class,
                new ShardKey(count, digest(chunks, shard, count)), make, SearchShard::toBytes, SearchShard::read);
    }

    /**
     * Every shard made from every chunk: the tokens merged in {@link #MERGE_PARTS} parts first, each
     * cut to its best postings as soon as it is merged (a large site's untrimmed postings of every
     * part at once were the build's largest transient), which tells how many shards their postings
     * make; then grouped into those shards, each shard's postings let go once its file is made.
     */
    private List<SearchShard> allShards(List<? extends ChunkSource> chunks, String folder) {
        List<Map<String, Postings>> parts = IntStream.range(0, MERGE_PARTS).parallel()
                .mapToObj(part -> {
                    Map<String, Postings> merged = merge(chunks, part, MERGE_PARTS);
                    merged.values().forEach(postings -> postings.keepBest(MAX_POSTINGS));
                    return merged;
                }).toList();
        long bytes = 0;
        for (Map<String, Postings> part : parts) {
            for (Map.Entry<String, Postings> entry : part.entrySet()) {
                bytes += entry.getKey().length() * 3L + 8 + entry.getValue().size() * 10L;
            }
        }
        int count = shardCount(bytes);
        AtomicReferenceArray<Map<String, Postings>> byShard = new AtomicReferenceArray<>(count);
        for (int i = 0; i < count; i++) {
            byShard.set(i, new HashMap<>());
        }
        parts.forEach(part -> {
            part.forEach((token, list) -> byShard.get(shard(token, count)).put(token, list));
            part.clear(); // the shards hold the postings now, each let go below
        });
        return IntStream.range(0, count).parallel().mapToObj(shard -> {
            SearchShard made = kept(chunks, shard, count, folder, () -> SearchShard.of(byShard.get(shard)));
            byShard.set(shard, null);
            return made;
        }).toList();
    }

    /** What a shard is made from: how many shards there are, and the digest of its ranges of every chunk. */
    private record ShardKey(int shards, String postings) {
    }

    private static String digest(List<? extends ChunkSource> chunks, int shard, int count) {
        ChunkPostings.Digest digest = new ChunkPostings.Digest();
        digest.add(chunks.size());
        chunks.forEach(chunk -> chunk.digest(shard, count, digest));
        return digest.hex();
    }

    /** The postings of one shard of {@code count}, merged from every chunk in document order. */
    private static Map<String, Postings> merge(List<? extends ChunkSource> chunks, int shard, int count) {
        Map<String, Postings> merged = new HashMap<>();
        for (ChunkSource chunk : chunks) {
            chunk.forEachIn(shard, count, (token, postings) -> {
                Postings list = merged.putIfAbsent(token, postings);
                if (list != null) {
                    list.addAll(postings);
                }
            });
        }
        return merged;
    }

    /**
     * A chunk of a build with the build cache: made ({@code make}) when its pages changed; else taken
     * back, left in the cache's file and read a shard's range at a time ({@link StoredChunk}), its
     * ranges kept beside it for the number of shards asked for. Its id and inputs are kept with it
     * ({@link #keepRanges}).
     */
    private ChunkSource chunkOnDisk(String id, List<Object> inputs, Supplier<ChunkPostings> make) {
        ChunkPostings[] made = new ChunkPostings[1];
        Supplier<byte[]> bytes = fragments.bytes("search-chunk", id, SearchIndex.class, inputs, () -> {
            made[0] = make.get();
            return made[0].bytes();
        });
        if (made[0] != null) {
            return new HeldChunk(id, inputs, made[0]);
        }
        if (bytes instanceof LeftBytes left) {
            return new StoredChunk(left, (count, ranges) -> fragments.get("search-chunk-shards", id, SearchIndex.class,
                    List.of(inputs, count), ranges, ShardRanges::bytes, stored -> ShardRanges.read(stored, count, left.length())),
                    make, (remade, counts) -> repair(id, inputs, remade, counts));
        }
        try {
            return new HeldChunk(id, inputs, ChunkPostings.read(bytes.get()));
        } catch (IllegalArgumentException damaged) {
            ChunkPostings remade = make.get();
            repair(id, inputs, remade, Set.of());
            return new HeldChunk(id, inputs, remade);
        }
    }

    /** A chunk this build holds, with what the build cache keeps it by. */
    private record HeldChunk(String id, List<Object> inputs, ChunkPostings postings) implements ChunkSource {

        @Override
        public void forEachIn(int shard, int shards, BiConsumer<String, Postings> action) {
            postings.forEachIn(shard, shards, action);
        }

        @Override
        public void digest(int shard, int shards, ChunkPostings.Digest digest) {
            postings.digest(shard, shards, digest);
        }
    }

    /** Keeps, for the next build, the ranges of the chunks this build held, for {@code count} shards. */
    private void keepRanges(List<? extends ChunkSource> chunks, int count) {
        chunks.parallelStream().filter(HeldChunk.class::isInstance).map(HeldChunk.class::cast).forEach(chunk ->
                fragments.put("search-chunk-shards", chunk.id(), SearchIndex.class, List.of(chunk.inputs(), count),
                        chunk.postings().ranges(count).bytes()));
    }

    /** Keeps a chunk made again for damage found in the build cache's copy, and its ranges. */
    private void repair(String id, List<Object> inputs, ChunkPostings remade, Set<Integer> counts) {
        fragments.put("search-chunk", id, SearchIndex.class, inputs, remade.bytes());
        counts.forEach(count -> fragments.put("search-chunk-shards", id, SearchIndex.class, List.of(inputs, count),
                remade.ranges(count).bytes()));
    }

    /** The postings of one chunk of documents, each document's tokens kept with its page in the preview. */
    private ChunkPostings mergeChunk(List<Page> chunkDocs, int firstDoc) {
        // the chunk's pages on both cores: a language of one chunk (English on the 1,000-page corpora) ran on one
        List<DocWeights> weights = chunkDocs.parallelStream().map(page -> fragments.<DocWeights>get("search",
                page.key(), page, null, () -> DocWeights.of(page))).toList();
        // room for half the chunk's document tokens: fewer resizes while merging (its vocabulary is at most all of them)
        ChunkMerge merged = new ChunkMerge(weights.stream().mapToInt(doc -> doc.tokens().length).sum() / 2);
        for (int n = 0; n < weights.size(); n++) {
            merged.add(weights.get(n), firstDoc + n);
        }
        return merged.postings();
    }

    private static byte[] intBytes(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static int intOf(byte[] bytes) {
        int count = bytes.length == 4 ? ByteBuffer.wrap(bytes).getInt() : 0;
        if (count < 1 || count > 1 << 16 || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("not a number of shards");
        }
        return count;
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
