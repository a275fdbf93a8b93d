package io.answersite.graph;

import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.content.TypedRef;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the {@link GraphBuilder} works out from the pages' structure: where every body and snippet
 * link goes, each answer's related items, "more answers" and topic members, and the pages held back.
 * The build cache keeps it between builds: a build after edits that changed only texts the edited
 * pages show of themselves ({@code content.PageStructure#same}) takes it back instead of resolving
 * some 70,000 links again (about 0.1–0.2 s of an edited 10,000-page build).
 *
 * <p>Its bytes name each page key once and each distinct link target once, in sorted order (the same
 * graph gives the same bytes), and refer to them by number: read back, every key is the instance the
 * pages already hold and every target is one object however many links lead to it, so that the
 * build's live objects (which each young collection copies) are no more than a built graph's. A
 * related item's note and position are texts of its answer, which an edit of own texts may change:
 * they are not kept but taken from the answer as it is when the edges are read back.
 *
 * @param linkedFiles the content folder's files links reach, as {@link LinkTarget#assetPath}s (made
 *     from the link targets, not kept apart)
 */
public record GraphEdges(Map<PageKey, List<LinkTarget>> linkTargets, Map<PageKey, List<ResolvedRelated>> related,
                         Map<PageKey, List<PageKey>> moreAnswers, Map<PageKey, List<PageKey>> topicMembers,
                         Map<String, Map<String, List<LinkTarget>>> snippetLinks, List<HeldBack> heldBack,
                         Set<String> linkedFiles) {

    private static final String FORMAT = "graph-edges-1";

    public GraphEdges {
        Objects.requireNonNull(linkTargets, "linkTargets");
        Objects.requireNonNull(related, "related");
        Objects.requireNonNull(moreAnswers, "moreAnswers");
        Objects.requireNonNull(topicMembers, "topicMembers");
        Objects.requireNonNull(snippetLinks, "snippetLinks");
        Objects.requireNonNull(heldBack, "heldBack");
        Objects.requireNonNull(linkedFiles, "linkedFiles");
    }

    /** The edges of {@code graph}. */
    static GraphEdges of(ContentGraph graph) {
        Set<String> linkedFiles = new TreeSet<>();
        Stream.concat(graph.linkTargets().values().stream(), graph.snippetLinks().values().stream()
                        .flatMap(byLanguage -> byLanguage.values().stream()))
                .flatMap(List::stream).map(LinkTarget::assetPath).filter(Objects::nonNull).forEach(linkedFiles::add);
        return new GraphEdges(graph.linkTargets(), graph.related(), graph.moreAnswers(), graph.topicMembers(),
                graph.snippetLinks(), graph.heldBack(), Collections.unmodifiableSet(linkedFiles));
    }

    /**
     * The value as the build cache keeps it. A related item is kept as its target, anchor and place
     * among its answer's items in {@code pages}: its note and position are texts of the answer, taken
     * from the answer as it is when read back.
     *
     * @throws IllegalArgumentException when a related item is not among its answer's in {@code pages}
     */
    byte[] bytes(SortedMap<PageKey, Page> pages) {
        // numbered in the pages' order, then the few keys no page has (held back), sorted: nothing here is
        // sorted again (a clean 10,000-page build sorted 70,000 targets and as many keys: 0.34 s on its main thread)
        Map<PageKey, Integer> keys = new LinkedHashMap<>(pages.size() * 4 / 3 + 16);
        pages.keySet().forEach(key -> keys.put(key, keys.size()));
        TreeSet<PageKey> others = new TreeSet<>();
        Stream.of(linkTargets.keySet(), related.keySet(), moreAnswers.keySet(), topicMembers.keySet())
                .flatMap(Set::stream).filter(key -> !keys.containsKey(key)).forEach(others::add);
        related.values().forEach(items -> items.forEach(item -> addIfNew(item.target(), keys, others)));
        Stream.of(moreAnswers, topicMembers).forEach(map -> map.values().forEach(
                list -> list.forEach(key -> addIfNew(key, keys, others))));
        heldBack.forEach(held -> addIfNew(held.key(), keys, others));
        // link targets numbered as first met, pages in their order and snippets by name and language
        List<PageKey> order = new ArrayList<>(keys.keySet());
        List<List<LinkTarget>> lists = new ArrayList<>();
        order.forEach(key -> lists.add(linkTargets.get(key)));
        others.forEach(key -> lists.add(linkTargets.get(key)));
        new TreeMap<>(snippetLinks).values().forEach(byLanguage -> lists.addAll(new TreeMap<>(byLanguage).values()));
        Map<LinkTarget, Integer> targets = new LinkedHashMap<>();
        for (List<LinkTarget> list : lists) {
            if (list != null) {
                for (LinkTarget target : list) {
                    if (target.page() != null) {
                        addIfNew(target.page(), keys, others);
                    }
                    targets.putIfAbsent(target, targets.size());
                }
            }
        }
        others.forEach(key -> keys.put(key, keys.size()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, FORMAT);
            out.writeInt(keys.size());
            for (PageKey key : keys.keySet()) {
                out.writeByte(key.kind().ordinal());
                text(out, key.id());
                text(out, key.language());
            }
            out.writeInt(targets.size());
            for (LinkTarget target : targets.keySet()) {
                out.writeInt(target.page() == null ? -1 : keys.get(target.page()));
                text(out, target.anchor());
                text(out, target.assetPath());
                text(out, target.sitePath());
            }
            writeLists(out, linkTargets, keys, (key, items, o) -> {
                for (LinkTarget target : items) {
                    o.writeInt(targets.get(target));
                }
            });
            writeLists(out, related, keys, (key, items, o) -> {
                List<Page.Related> written = pages.get(key) instanceof Page.Answer answer ? answer.related() : List.of();
                for (ResolvedRelated item : items) {
                    o.writeInt(keys.get(item.target()));
                    text(o, item.anchor());
                    o.writeInt(indexOf(written, item.ref()));
                }
            });
            for (Map<PageKey, List<PageKey>> map : List.of(moreAnswers, topicMembers)) {
                writeLists(out, map, keys, (key, items, o) -> {
                    for (PageKey item : items) {
                        o.writeInt(keys.get(item));
                    }
                });
            }
            Map<String, Map<String, List<LinkTarget>>> snippets = new TreeMap<>(snippetLinks);
            out.writeInt(snippets.size());
            for (Map.Entry<String, Map<String, List<LinkTarget>>> snippet : snippets.entrySet()) {
                text(out, snippet.getKey());
                Map<String, List<LinkTarget>> byLanguage = new TreeMap<>(snippet.getValue());
                out.writeInt(byLanguage.size());
                for (Map.Entry<String, List<LinkTarget>> language : byLanguage.entrySet()) {
                    text(out, language.getKey());
                    out.writeInt(language.getValue().size());
                    for (LinkTarget target : language.getValue()) {
                        out.writeInt(targets.get(target));
                    }
                }
            }
            out.writeInt(heldBack.size());
            for (HeldBack held : heldBack) {
                out.writeInt(keys.get(held.key()));
                text(out, held.sourcePath());
                text(out, held.reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void addIfNew(PageKey key, Map<PageKey, Integer> keys, TreeSet<PageKey> others) {
        if (!keys.containsKey(key)) {
            others.add(key);
        }
    }

    @FunctionalInterface
    private interface ItemsWriter<T> {
        void write(PageKey key, List<T> items, DataOutputStream out) throws IOException;
    }

    /** Where {@code ref} is in an answer's related items: the very instance, else the first equal one. */
    private static int indexOf(List<Page.Related> written, TypedRef ref) {
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).ref() == ref) {
                return i;
            }
        }
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).ref().equals(ref)) {
                return i;
            }
        }
        throw new IllegalArgumentException("a related item its answer does not have: " + ref);
    }

    private static <T> void writeLists(DataOutputStream out, Map<PageKey, List<T>> lists, Map<PageKey, Integer> keys,
                                       ItemsWriter<T> items) throws IOException {
        out.writeInt(lists.size());
        for (PageKey key : keys.keySet()) { // in their numbers' order: the same graph, the same bytes
            List<T> list = lists.get(key);
            if (list != null) {
                out.writeInt(keys.get(key));
                out.writeInt(list.size());
                items.write(key, list, out);
            }
        }
    }

    /** A string or null: its UTF-8 length (-1 for null), then its bytes. */
    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /**
     * What {@link #bytes} wrote, each page key the instance {@code pages} holds under it (a key
     * of no such page is read as written).
     *
     * @throws IllegalArgumentException when the bytes are not such a value (another format, damaged, cut short)
     */
    static GraphEdges decode(byte[] bytes, Map<PageKey, Page> pages) {
        try {
            return new Reader(ByteBuffer.wrap(bytes), pages).read();
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalStateException e) {
            throw new IllegalArgumentException("not the graph's edges", e);
        }
    }

    /** Reads one value of {@link #bytes}; fails with an unchecked exception on anything else. */
    private static final class Reader {
        private final ByteBuffer in;
        private final Map<PageKey, Page> pages;
        private PageKey[] keys;
        private LinkTarget[] targets;

        Reader(ByteBuffer in, Map<PageKey, Page> pages) {
            this.in = in;
            this.pages = pages;
        }

        GraphEdges read() {
            if (!FORMAT.equals(text())) {
                throw new IllegalStateException("another format");
            }
            keys = new PageKey[count()];
            Kind[] kinds = Kind.values();
            for (int i = 0; i < keys.length; i++) {
                PageKey read = new PageKey(kinds[in.get()], Objects.requireNonNull(text()),
                        Objects.requireNonNull(text()));
                Page page = pages.get(read);
                keys[i] = page == null ? read : page.key();
            }
            targets = new LinkTarget[count()];
            Set<String> linkedFiles = new TreeSet<>();
            for (int i = 0; i < targets.length; i++) {
                int page = in.getInt();
                targets[i] = new LinkTarget(page < 0 ? null : keys[page], text(), text(), text());
                if (targets[i].assetPath() != null) {
                    linkedFiles.add(targets[i].assetPath());
                }
            }
            Map<PageKey, List<LinkTarget>> linkTargets = lists(key -> targets[in.getInt()]);
            Map<PageKey, List<ResolvedRelated>> related = lists(this::relatedItem);
            Map<PageKey, List<PageKey>> moreAnswers = lists(key -> keys[in.getInt()]);
            Map<PageKey, List<PageKey>> topicMembers = lists(key -> keys[in.getInt()]);
            Map<String, Map<String, List<LinkTarget>>> snippetLinks = new TreeMap<>();
            for (int snippets = count(); snippets > 0; snippets--) {
                String name = text();
                Map<String, List<LinkTarget>> byLanguage = new TreeMap<>();
                for (int languages = count(); languages > 0; languages--) {
                    String language = text();
                    LinkTarget[] slots = new LinkTarget[count()];
                    for (int i = 0; i < slots.length; i++) {
                        slots[i] = targets[in.getInt()];
                    }
                    byLanguage.put(language, List.of(slots));
                }
                snippetLinks.put(name, Collections.unmodifiableMap(byLanguage));
            }
            List<HeldBack> heldBack = new ArrayList<>();
            for (int held = count(); held > 0; held--) {
                heldBack.add(new HeldBack(keys[in.getInt()], text(), text()));
            }
            if (in.hasRemaining()) {
                throw new IllegalStateException("bytes after the edges");
            }
            return new GraphEdges(linkTargets, related, moreAnswers, topicMembers,
                    Collections.unmodifiableMap(snippetLinks), List.copyOf(heldBack),
                    Collections.unmodifiableSet(linkedFiles));
        }

        private <T> Map<PageKey, List<T>> lists(Function<PageKey, T> item) {
            int size = count();
            Map<PageKey, List<T>> lists = new HashMap<>(size * 4 / 3 + 1);
            for (int i = 0; i < size; i++) {
                PageKey key = keys[in.getInt()];
                Object[] items = new Object[count()];
                for (int j = 0; j < items.length; j++) {
                    items[j] = item.apply(key);
                }
                @SuppressWarnings("unchecked")
                List<T> list = (List<T>) List.of(items);
                if (lists.put(key, list) != null) {
                    throw new IllegalStateException("a page twice");
                }
            }
            return Collections.unmodifiableMap(lists);
        }

        /**
         * A related item of the answer at {@code key}: its target and anchor as kept, its note and
         * reference (with its position) the answer's own as it is now; the reference must still name
         * the target and anchor.
         */
        private ResolvedRelated relatedItem(PageKey key) {
            PageKey target = keys[in.getInt()];
            String anchor = text();
            int index = in.getInt();
            if (!(pages.get(key) instanceof Page.Answer answer) || index < 0 || index >= answer.related().size()) {
                throw new IllegalStateException("no related item " + index + " of " + key);
            }
            Page.Related written = answer.related().get(index);
            TypedRef ref = written.ref();
            if (ref.kind() != target.kind() || !ref.id().equals(target.id()) || !Objects.equals(ref.anchor(), anchor)) {
                throw new IllegalStateException("related item " + index + " of " + key + " names another page");
            }
            return new ResolvedRelated(target, anchor, written.note(), ref);
        }

        /** A count: not negative, and no more than the bytes left could hold. */
        private int count() {
            int count = in.getInt();
            if (count < 0 || count > in.remaining()) {
                throw new IllegalStateException("damaged count " + count);
            }
            return count;
        }

        private String text() {
            int length = in.getInt();
            if (length < 0) {
                return null;
            }
            if (length > in.remaining()) {
                throw new IllegalStateException("damaged text length " + length);
            }
            String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            return text;
        }
    }

    /**
     * Whether every file of the content folder a link reaches is still there: the graph checked that
     * each exists ({@link LinkResolver}), and such files are not pages, so an edit of pages' texts says
     * nothing about them. A null folder checks nothing, as the resolver does.
     */
    boolean linkedFilesExist(Path contentDir) {
        if (contentDir == null) {
            return true;
        }
        return linkedFiles.stream().allMatch(asset -> asset.startsWith(UrlScheme.CONTENT_ASSETS) && Files.isRegularFile(
                contentDir.resolve(asset.substring(UrlScheme.CONTENT_ASSETS.length()))));
    }
}
