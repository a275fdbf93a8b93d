package io.answersite.graph;

import io.answersite.config.Language;
import io.answersite.config.SiteConfig;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.content.PageKey;
import io.answersite.content.TypedRef;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.diagnostic.Suggestions;
import io.answersite.markdown.LinkRef;
import io.answersite.text.PercentDecoding;
import io.answersite.work.Lazy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The one place a reference from one page to another becomes a target: body links (relative paths,
 * typed references, site paths, content files), related items and anchors, each reported where it is
 * written when it leads nowhere, so that no later stage has to guess at a URL.
 */
final class LinkResolver {

    private final SiteConfig config;
    private final UrlScheme urls;
    private final String contentFolder;
    private final Path contentDir;
    private final Map<PageKey, Page> all;
    private final Map<PageKey, Page> published;
    private final Lazy<Map<String, PageKey>> bySource;
    private final Diagnostics diagnostics;

    /** What each page shows, for anchors; set once related items and "more answers" are known. */
    private ContentGraph shown;
    /** Site folders ({@code answers/x/}) of every page, held-back ones included, and of their aliases. */
    private final Lazy<Map<String, PageKey>> byFolder;
    /** Folders of pages the generator writes without a page record, with their anchors: lists, hubs. */
    private final Map<String, Set<String>> generatedFolders;
    /** The folders of each kind's pages ({@code answers/}, {@code en/answers/}): no other page lives there. */
    private final Map<String, Kind> kindFolders;

    /**
     * @param contentFolder the content folder as reports name it, to map relative links onto source files
     * @param contentDir the content folder on disk, where linked files must exist; null to skip
     */
    LinkResolver(SiteConfig config, UrlScheme urls, String contentFolder, Path contentDir, Map<PageKey, Page> all,
                 Map<PageKey, Page> published, Supplier<Map<String, PageKey>> bySource, Diagnostics diagnostics) {
        this.config = config;
        this.urls = urls;
        this.contentFolder = contentFolder;
        this.contentDir = contentDir;
        this.all = all;
        this.published = published;
        this.bySource = new Lazy<>(bySource);
        this.diagnostics = diagnostics;
        this.byFolder = new Lazy<>(() -> folders(urls, all));
        this.generatedFolders = new HashMap<>();
        this.kindFolders = new HashMap<>();
        for (Language language : config.languages()) {
            for (Kind kind : Kind.values()) {
                if (kind != Kind.HUB) {
                    generatedFolders.put(urls.listFolder(kind, language.code()), PageAnchors.ofList());
                    kindFolders.put(urls.listFolder(kind, language.code()), kind);
                }
            }
            generatedFolders.put(urls.hubFolder(language.code()), PageAnchors.ofHubWithoutIntro());
        }
    }

    /** The site folder of every page and of every alias, to the page. */
    private static Map<String, PageKey> folders(UrlScheme urls, Map<PageKey, Page> all) {
        Map<String, PageKey> byFolder = new HashMap<>();
        for (Page page : all.values()) {
            byFolder.put(urls.pageFolder(page.key()), page.key());
        }
        for (Page page : all.values()) {
            page.common().aliases().forEach(alias -> UrlScheme.aliasFolder(alias.value())
                    .ifPresent(folder -> byFolder.putIfAbsent(folder, page.key())));
        }
        return byFolder;
    }

    /** A resolver sharing {@code other}'s pages, folders and anchors that reports to {@code findings}. */
    private LinkResolver(LinkResolver other, Diagnostics findings) {
        this.config = other.config;
        this.urls = other.urls;
        this.contentFolder = other.contentFolder;
        this.contentDir = other.contentDir;
        this.all = other.all;
        this.published = other.published;
        this.bySource = other.bySource;
        this.diagnostics = findings;
        this.shown = other.shown;
        this.byFolder = other.byFolder;
        this.generatedFolders = other.generatedFolders;
        this.kindFolders = other.kindFolders;
    }

    LinkResolver reportingTo(Diagnostics findings) {
        return new LinkResolver(this, findings);
    }

    void anchorsOf(ContentGraph shown) {
        this.shown = shown;
    }

    /**
     * The page (and anchor), content file or site path a body link points to.
     *
     * @param fromSource the file the link is written in, which relative paths start from
     * @param language the language of the page that shows the link, which typed references prefer
     */
    Optional<LinkTarget> bodyLink(String fromSource, String language, LinkRef link) {
        if (link.target() == LinkRef.Target.FILE) {
            return file(fromSource, link);
        }
        if (link.target() == LinkRef.Target.SITE) {
            return sitePath(link);
        }
        Optional<TypedRef> typed = TypedRef.parse(link.destination(), link.pos());
        if (typed.isPresent()) {
            return typed(language, typed.get()).filter(key -> anchorExists(key, typed.get().anchor(), link.pos(),
                    link.destination())).map(key -> LinkTarget.page(key, typed.get().anchor()));
        }
        String destination = link.destination();
        int hash = destination.indexOf('#');
        String pathPart = hash < 0 ? destination : destination.substring(0, hash);
        String anchor = hash < 0 ? null : destination.substring(hash + 1);
        Optional<String> target = sourcePathOf(fromSource, pathPart);
        if (target.isEmpty()) {
            diagnostics.error(Rules.LINK_FILE, link.pos(), "link '" + destination + "' leaves the content folder;"
                    + " link to pages by their .md file inside it, or use a typed reference such as guide:id");
            return Optional.empty();
        }
        PageKey key = bySource.get().get(target.get());
        if (key == null) {
            diagnostics.error(Rules.LINK_TARGET, link.pos(), "link target '" + destination + "' does not exist"
                    + " (no page at " + target.get() + "); link to the .md file of an existing page, or use a"
                    + " typed reference such as guide:id");
            return Optional.empty();
        }
        if (!published.containsKey(key)) {
            reportHeldBack(link.pos(), destination);
            return Optional.empty();
        }
        if (!anchorExists(key, anchor, link.pos(), destination)) {
            return Optional.empty();
        }
        return Optional.of(LinkTarget.page(key, anchor));
    }

    private Optional<LinkTarget> file(String fromSource, LinkRef link) {
        String pathPart = link.destination().replaceFirst("[#?].*$", "");
        Optional<String> target = sourcePathOf(fromSource, pathPart);
        if (target.isEmpty()) {
            diagnostics.error(Rules.LINK_FILE, link.pos(), "link '" + link.destination() + "' leaves the content"
                    + " folder; put the file under content/ and link to it relatively");
            return Optional.empty();
        }
        String inContent = Path.of(contentFolder).relativize(Path.of(target.get())).toString().replace('\\', '/');
        return contentFile(link, inContent, target.get());
    }

    /** A file of the content folder, {@code inContent} relative to it, {@code sourcePath} as reports name it. */
    private Optional<LinkTarget> contentFile(LinkRef link, String inContent, String sourcePath) {
        if (contentDir != null && !Files.isRegularFile(contentDir.resolve(inContent))) {
            diagnostics.error(Rules.LINK_FILE, link.pos(), "link '" + link.destination() + "' names no file (nothing"
                    + " at " + sourcePath + "); fix the path or add the file");
            return Optional.empty();
        }
        if (!UrlScheme.aliasFolder("/" + inContent).isPresent()) {
            diagnostics.error(Rules.LINK_FILE, link.pos(), "file name '" + inContent + "' has characters a URL"
                    + " path cannot carry safely; rename it with letters, digits, '-', '_' and '.'");
            return Optional.empty();
        }
        return Optional.of(LinkTarget.asset(UrlScheme.CONTENT_ASSETS + inContent));
    }

    /**
     * A link written from the site's root: {@code /answers/x/#faq}. Pages (by their folder or an
     * alias), list pages, the hub and content files are resolved here like any other link; other
     * paths (the search page, machine and static files) are files the generator writes later, so
     * the built-site check looks for them once they are written and reports them at the link.
     */
    private Optional<LinkTarget> sitePath(LinkRef link) {
        String destination = link.destination();
        int hash = destination.indexOf('#');
        String pathAndQuery = hash < 0 ? destination : destination.substring(0, hash);
        String anchor = hash < 0 ? null : destination.substring(hash + 1);
        int question = pathAndQuery.indexOf('?');
        String path = PercentDecoding.decodeOrKeep(question < 0 ? pathAndQuery : pathAndQuery.substring(0, question));
        String basePath = config.basePath();
        if (!basePath.isEmpty() && (path + "/").startsWith(basePath + "/")) {
            diagnostics.error(Rules.LINK_TARGET, link.pos(), "link '" + destination + "' starts with the base"
                    + " path " + basePath + "; write paths from the site's root, without it: '"
                    + destination.substring(basePath.length()) + "'");
            return Optional.empty();
        }
        String relative = path.substring(1);
        if (relative.contains("//") || relative.contains("\\") || Arrays.stream(relative.split("/"))
                .anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
            diagnostics.error(Rules.LINK_TARGET, link.pos(), "link '" + destination + "' is not a path of the"
                    + " site; write it like /answers/id/ (no '.', '..', '\\' or '//' segments)");
            return Optional.empty();
        }
        String folder = siteFolder(relative);
        if (question >= 0) {
            return Optional.of(LinkTarget.sitePath(folder + pathAndQuery.substring(question), anchor));
        }
        PageKey key = byFolder.get().get(folder);
        if (key == null && generatedFolders.containsKey(folder)) {
            return anchorOnGeneratedPage(folder, anchor, link.pos(), destination)
                    ? Optional.of(LinkTarget.sitePath(folder, anchor)) : Optional.empty();
        }
        if (key != null) {
            if (!published.containsKey(key)) {
                reportHeldBack(link.pos(), destination);
                return Optional.empty();
            }
            return anchorExists(key, anchor, link.pos(), destination)
                    ? Optional.of(LinkTarget.page(key, anchor)) : Optional.empty();
        }
        if (folder.startsWith(UrlScheme.CONTENT_ASSETS)) {
            return contentFile(link, folder.substring(UrlScheme.CONTENT_ASSETS.length()), contentFolder + "/"
                    + folder.substring(UrlScheme.CONTENT_ASSETS.length()));
        }
        // under a kind's folder the graph knows every page; files there (Markdown twins) are written later
        Optional<Kind> kind = kindFolders.entrySet().stream().filter(e -> folder.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
        if (kind.isPresent() && folder.endsWith("/")) {
            diagnostics.error(Rules.LINK_TARGET, link.pos(), "link target '" + destination + "' does not exist"
                    + " (no page, list or alias has the URL /" + folder + "); link to the .md file of an existing"
                    + " page, or use a typed reference such as " + kind.get().refName() + ":id");
            return Optional.empty();
        }
        return Optional.of(LinkTarget.sitePath(folder, anchor));
    }

    /**
     * A path as the output names it: {@code answers/x/} for {@code answers/x},
     * {@code answers/x/index.html} and {@code answers/x/}; a file name ({@code llms.txt}) as it is.
     */
    private static String siteFolder(String path) {
        if (path.equals("index.html") || path.endsWith("/index.html")) {
            return path.substring(0, path.length() - "index.html".length());
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return path.isEmpty() || path.endsWith("/") || lastSegment.contains(".") ? path : path + "/";
    }

    private boolean anchorOnGeneratedPage(String folder, String anchor, SourcePos pos, String destination) {
        if (anchor == null || anchor.isEmpty() || generatedFolders.get(folder).contains(anchor)) {
            return true;
        }
        diagnostics.error(Rules.LINK_ANCHOR, pos, "'" + destination + "' points to '#" + anchor + "', which the"
                + " page /" + folder + " does not have; it has "
                + String.join(", ", generatedFolders.get(folder).stream().map(a -> "#" + a).toList()));
        return false;
    }

    /** Whether {@code anchor} (may be null) exists on the target page as it is shown; reports it when not. */
    boolean anchorExists(PageKey key, String anchor, SourcePos pos, String destination) {
        if (anchor == null || anchor.isEmpty()) {
            return true;
        }
        Page page = published.get(key);
        Set<String> anchors = PageAnchors.of(shown, page);
        if (anchors.contains(anchor)) {
            return true;
        }
        String section = PageAnchors.missingSection(page, anchor);
        diagnostics.error(Rules.LINK_ANCHOR, pos, "'" + destination + "' points to '#" + anchor + "', which "
                + page.sourcePath() + " does not have"
                + (section != null ? " (" + section + ")" : Suggestions.didYouMean(anchor, anchors.stream()
                .filter(a -> !a.equals(PageAnchors.MAIN)).toList(), "its anchors")));
        return false;
    }

    /** The page a typed reference names, preferring its translation in {@code language}. */
    Optional<PageKey> typed(String language, TypedRef ref) {
        Optional<PageKey> key = preferred(published, ref.kind(), ref.id(), language);
        if (key.isPresent()) {
            return key;
        }
        if (preferred(all, ref.kind(), ref.id(), language).isPresent()) {
            reportHeldBack(ref.pos(), ref.toString());
            return Optional.empty();
        }
        Optional<PageKey> otherKind = all.keySet().stream()
                .filter(k -> k.id().equals(ref.id()) && k.kind() != ref.kind() && k.kind() != Kind.HUB)
                .findFirst();
        if (otherKind.isPresent()) {
            diagnostics.error(Rules.LINK_TYPE, ref.pos(), "'" + ref + "' names no " + ref.kind().refName()
                    + ", but " + GraphChecks.describe(otherKind.get()).replaceFirst(" in .*$", "") + " has the id '" + ref.id()
                    + "'; write " + otherKind.get().kind().refName() + ":" + ref.id()
                    + (ref.anchor() == null ? "" : "#" + ref.anchor()));
            return Optional.empty();
        }
        Set<String> ids = new TreeSet<>();
        all.keySet().stream().filter(k -> k.kind() == ref.kind()).forEach(k -> ids.add(k.id()));
        diagnostics.error(Rules.LINK_TARGET, ref.pos(), "'" + ref + "' names no " + ref.kind().refName() + " page"
                + (ref.kind() == Kind.HUB ? "; add content/_index.md"
                : Suggestions.didYouMean(ref.id(), ids, "known " + ref.kind().refName() + " ids")));
        return Optional.empty();
    }

    private void reportHeldBack(SourcePos pos, String destination) {
        diagnostics.error(Rules.LINK_DRAFT, pos, "'" + destination + "' is a draft or scheduled page and will not"
                + " be published; publish it or remove the link");
    }

    private Optional<PageKey> preferred(Map<PageKey, Page> pages, Kind kind, String id, String language) {
        return ContentGraph.preferred(pages, kind, id, language, config.defaultLanguage().code());
    }

    /** The site-root-relative source path a relative link points to, if it stays in the content folder. */
    private Optional<String> sourcePathOf(String fromSource, String relative) {
        String decoded = PercentDecoding.decodeOrKeep(relative);
        Path base = Path.of(fromSource).getParent();
        Path resolved = (base == null ? Path.of(decoded) : base.resolve(decoded)).normalize();
        if (!resolved.startsWith(contentFolder) || resolved.startsWith("..")) {
            return Optional.empty();
        }
        return Optional.of(resolved.toString().replace('\\', '/'));
    }
}
