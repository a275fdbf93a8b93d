package io.answersite.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.answersite.config.Language;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.emit.SiteText;
import io.answersite.output.SiteOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

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
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)|\\{#[^}]*}");

    private final SiteText site;
    private final ObjectMapper json = new ObjectMapper();

    public SearchIndex(SiteText site) {
        this.site = site;
    }

    /** The folder of a language's index, relative to the site root: {@code search/zh-cn/}. */
    public static String folder(Language language) {
        return "search/" + language.code().toLowerCase(java.util.Locale.ROOT) + "/";
    }

    public void emit(SiteOutput output) {
        for (Language language : site.config().languages()) {
            emit(language, output);
        }
    }

    private void emit(Language language, SiteOutput output) {
        List<Page> docs = site.graph().pages().values().stream()
                .filter(p -> p.key().language().equals(language.code()) && p.key().kind() != Kind.HUB).toList();
        // tokenizing is most of the work: both cores take documents, then postings merge in doc order
        List<Map<String, Integer>> weightsByDoc = java.util.stream.IntStream.range(0, docs.size()).parallel()
                .mapToObj(doc -> weights(docs.get(doc))).toList();
        Map<String, List<int[]>> postings = new HashMap<>();
        TreeSet<String> vocabulary = new TreeSet<>();
        for (int doc = 0; doc < docs.size(); doc++) {
            int id = doc;
            weightsByDoc.get(doc).forEach((token, weight) ->
                    postings.computeIfAbsent(token, t -> new ArrayList<>()).add(new int[] {id, weight}));
        }
        long bytes = 0;
        for (Map.Entry<String, List<int[]>> entry : postings.entrySet()) {
            List<int[]> list = entry.getValue();
            if (list.size() > MAX_POSTINGS) {
                list.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
                list.subList(MAX_POSTINGS, list.size()).clear();
                list.sort((a, b) -> Integer.compare(a[0], b[0]));
            }
            if (SearchTokenizer.isWord(entry.getKey())) {
                vocabulary.add(entry.getKey());
            }
            bytes += entry.getKey().length() * 3L + 8 + list.size() * 10L;
        }
        int shards = shardCount(bytes);
        List<Map<String, List<int[]>>> shardMaps = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            shardMaps.add(new TreeMap<>());
        }
        postings.forEach((token, list) -> shardMaps.get(shard(token, shards)).put(token, list));
        String folder = folder(language);
        for (int i = 0; i < shards; i++) {
            output.write(folder + "t-" + i + ".json", write(shardMaps.get(i)));
        }
        for (int chunk = 0; chunk * DOCS_PER_CHUNK < Math.max(docs.size(), 1); chunk++) {
            List<List<String>> rows = new ArrayList<>();
            for (int doc = chunk * DOCS_PER_CHUNK; doc < Math.min(docs.size(), (chunk + 1) * DOCS_PER_CHUNK); doc++) {
                Page page = docs.get(doc);
                rows.add(List.of(site.urls().pagePath(page.key()), SiteText.oneLine(page.listTitle()),
                        site.t(language.code(), "kind_" + page.key().kind().refName()),
                        SiteText.oneLine(page.summary())));
            }
            output.write(folder + "d-" + chunk + ".json", write(rows));
        }
        output.write(folder + "vocab.json", write(vocabulary));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", 1);
        manifest.put("docs", docs.size());
        manifest.put("shards", shards);
        manifest.put("chunk", DOCS_PER_CHUNK);
        output.write(folder + "manifest.json", write(manifest));
    }

    /** Each token's weight in one page: field weight times its count in the field (at most three). */
    private static Map<String, Integer> weights(Page page) {
        Map<String, Integer> weights = new HashMap<>();
        for (Map.Entry<String, Integer> field : fields(page).entrySet()) {
            Map<String, Integer> counts = new HashMap<>();
            for (String token : SearchTokenizer.tokens(field.getKey())) {
                counts.merge(token, 1, Integer::sum);
            }
            counts.forEach((token, count) -> weights.merge(token, field.getValue() * Math.min(count, 3), Integer::sum));
        }
        return weights;
    }

    /** Fields of a page and their weights, in a fixed order. */
    private static Map<String, Integer> fields(Page page) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        StringBuilder strong = new StringBuilder(page.title());
        StringBuilder medium = new StringBuilder(String.join(" ", page.common().tags()));
        StringBuilder plain = new StringBuilder();
        if (page instanceof Page.Answer answer) {
            strong.append(' ').append(answer.question());
            medium.append(' ').append(answer.answer());
            answer.basis().forEach(b -> plain.append(' ').append(b));
            answer.nextSteps().forEach(b -> plain.append(' ').append(b));
            answer.faq().forEach(f -> plain.append(' ').append(f.question()).append(' ').append(f.answer()));
        } else if (page instanceof Page.GlossaryTerm term) {
            strong.append(' ').append(term.term()).append(' ').append(String.join(" ", term.synonyms()));
            medium.append(' ').append(term.definition());
        }
        medium.append(' ').append(page.common().description());
        // code stays in: readers search for error messages and names such as max_tokens
        plain.append(' ').append(LINK_TARGET.matcher(page.body().source()).replaceAll(" "));
        fields.put(strong.toString(), 4);
        fields.merge(medium.toString(), 2, Math::max);
        fields.merge(plain.toString(), 1, Math::max);
        return fields;
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
