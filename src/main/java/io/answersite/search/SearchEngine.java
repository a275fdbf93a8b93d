package io.answersite.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.answersite.diagnostic.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a query against a built index folder, exactly as {@code assets/search.js} does in the
 * browser: the reference implementation the golden-query tests use. Also counts the bytes a query
 * loads, for the sharding figures.
 */
public final class SearchEngine {

    /** A hit: the page's URL, title, kind label and snippet, and its score. */
    public record Hit(String url, String title, String kind, String snippet, double score) {
    }

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> loaded = new HashMap<>();
    private long bytesLoaded;

    public SearchEngine(Path folder) {
        this.folder = folder;
    }

    public List<Hit> search(String query, int limit) {
        JsonNode manifest = load("manifest.json");
        int docs = manifest.path("docs").asInt();
        int shards = manifest.path("shards").asInt();
        int chunk = manifest.path("chunk").asInt();
        Set<String> tokens = new LinkedHashSet<>(SearchTokenizer.tokens(query));
        Map<Integer, double[]> scores = new HashMap<>();
        for (String token : tokens) {
            List<String> variants = new ArrayList<>();
            variants.add(token);
            double factor = 1;
            JsonNode postings = load("t-" + SearchIndex.shard(token, shards) + ".json").get(token);
            if (postings == null && SearchTokenizer.isWord(token) && token.length() >= 4) {
                variants = nearWords(token);
                factor = 0.8;
            }
            Set<Integer> seen = new HashSet<>();
            for (String variant : variants) {
                JsonNode list = load("t-" + SearchIndex.shard(variant, shards) + ".json").get(variant);
                if (list == null) {
                    continue;
                }
                double idf = Math.log(1 + (double) docs / list.size());
                for (JsonNode posting : list) {
                    int doc = posting.get(0).asInt();
                    double[] score = scores.computeIfAbsent(doc, d -> new double[2]);
                    score[0] += factor * idf * posting.get(1).asInt();
                    if (seen.add(doc)) {
                        score[1] += 1;
                    }
                }
            }
        }
        List<Map.Entry<Integer, double[]>> ranked = new ArrayList<>(scores.entrySet());
        int total = Math.max(tokens.size(), 1);
        ranked.sort((a, b) -> {
            double sa = final_(a.getValue(), total);
            double sb = final_(b.getValue(), total);
            return sa != sb ? Double.compare(sb, sa) : Integer.compare(a.getKey(), b.getKey());
        });
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Integer, double[]> entry : ranked.subList(0, Math.min(limit, ranked.size()))) {
            JsonNode row = load("d-" + entry.getKey() / chunk + ".json").get(entry.getKey() % chunk);
            hits.add(new Hit(row.get(0).asText(), row.get(1).asText(), row.get(2).asText(), row.get(3).asText(),
                    final_(entry.getValue(), total)));
        }
        return hits;
    }

    /** A document's score, scaled by the share of query tokens it matched, squared. */
    private static double final_(double[] score, int tokens) {
        double share = Math.min(1, score[1] / tokens);
        return score[0] * share * share;
    }

    /** Words of the vocabulary one edit away (two for words of eight letters or more). */
    private List<String> nearWords(String token) {
        int allowed = token.length() >= 8 ? 2 : 1;
        List<String> near = new ArrayList<>();
        for (JsonNode word : load("vocab.json")) {
            String candidate = word.asText();
            if (Math.abs(candidate.length() - token.length()) <= allowed && Suggestions.distance(token, candidate) <= allowed) {
                near.add(candidate);
            }
        }
        return near;
    }

    /** Bytes of index files loaded so far (each file counted once, as a browser caches them). */
    public long bytesLoaded() {
        return bytesLoaded;
    }

    private JsonNode load(String file) {
        return loaded.computeIfAbsent(file, f -> {
            try {
                Path path = folder.resolve(f);
                bytesLoaded += Files.size(path);
                return json.readTree(path.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
