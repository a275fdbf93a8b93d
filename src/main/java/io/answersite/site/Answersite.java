package io.answersite.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.cache.Fragments;
import io.answersite.check.BuiltSiteCheck;
import io.answersite.check.ContentChecks;
import io.answersite.check.SecretScanner;
import io.answersite.config.CheckSettings;
import io.answersite.config.SiteConfig;
import io.answersite.config.SiteConfigReader;
import io.answersite.content.ContentLoader;
import io.answersite.content.LoadCache;
import io.answersite.content.LoadedContent;
import io.answersite.content.PageKey;
import io.answersite.diagnostic.Diagnostic;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.emit.ContentAssets;
import io.answersite.emit.HostingFiles;
import io.answersite.emit.MachineFiles;
import io.answersite.emit.SiteText;
import io.answersite.emit.StaticAssets;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.Glossary;
import io.answersite.graph.GraphBuilder;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.output.OutputBusyException;
import io.answersite.output.OutputLock;
import io.answersite.output.OutputTree;
import io.answersite.render.PageCounts;
import io.answersite.render.RenderCache;
import io.answersite.render.SiteRenderer;
import io.answersite.render.Theme;
import io.answersite.search.SearchIndex;
import io.answersite.sink.MemoryOutput;
import io.answersite.sink.ObservedOutput;
import io.answersite.sink.OutputManifest;
import io.answersite.sink.SiteOutput;
import io.answersite.source.SourceReader;
import io.answersite.work.Background;
import io.answersite.work.Parallel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a build: {@link #load} (configuration, content, graph; writes nothing), then {@link #build}
 * (render, emit, write). Holds no state between builds; two builds may run side by side.
 */
public final class Answersite {

    /** How long a build waits, by default, for another build writing the same output folder. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

    /**
     * How many bytes of the build cache's fragments a build holds before it writes the rest aside as
     * they are made (see {@link io.answersite.cache.FragmentSpill}): a 10,000-page site's fragments
     * (about 165 MB) mostly stay in memory, a 50,000-page site's (about 0.8 GB) mostly do not.
     */
    public static final long DEFAULT_FRAGMENT_BUDGET = 128L << 20;

    /**
     * How many bytes of pages' bodies (HTML and Markdown, as UTF-8), Markdown twins and llms.json
     * entries a build holds on the heap before it keeps the rest in a file beside the build cache (see
     * {@link io.answersite.text.ParkedBytes}).
     */
    public static final long DEFAULT_BODY_BUDGET = 128L << 20;

    /**
     * {@code budget}, or a thirty-second of the maximum heap when less: a site's {@code -Xmx} bounds both
     * budgets. With README's cap for 50,000 pages (1.1 GB) a sixteenth each left too little old
     * generation for the shapes that hold most (long guides, many related items; docs/PERFORMANCE.md,
     * session 19); from 4 GB of heap on, both are their defaults.
     */
    private static long withinHeap(long budget) {
        return Math.min(budget, Runtime.getRuntime().maxMemory() / 32);
    }

    private final ClassLoader themeClassLoader;
    private final BuildListener listener;
    private final Duration lockWait;
    private final long fragmentBudget;
    private final long bodyBudget;

    /** @param themeClassLoader where the built-in theme ({@code theme/}) is found: the plugin's own */
    public Answersite(ClassLoader themeClassLoader) {
        this(themeClassLoader, BuildListener.SILENT);
    }

    /** @param listener hears stages and rendering progress, for the goals' progress output */
    public Answersite(ClassLoader themeClassLoader, BuildListener listener) {
        this(themeClassLoader, listener, DEFAULT_LOCK_WAIT);
    }

    private Answersite(ClassLoader themeClassLoader, BuildListener listener, Duration lockWait) {
        this(themeClassLoader, listener, lockWait, withinHeap(DEFAULT_FRAGMENT_BUDGET),
                withinHeap(DEFAULT_BODY_BUDGET));
    }

    private Answersite(ClassLoader themeClassLoader, BuildListener listener, Duration lockWait, long fragmentBudget,
                       long bodyBudget) {
        this.themeClassLoader = themeClassLoader;
        this.listener = listener;
        this.lockWait = lockWait;
        this.fragmentBudget = fragmentBudget;
        this.bodyBudget = bodyBudget;
    }

    /**
     * This facade, with builds that wait up to {@code wait} for another build writing the same output
     * folder before they stop with {@link OutputBusyException}.
     */
    public Answersite waitingForOtherBuilds(Duration wait) {
        return new Answersite(themeClassLoader, listener, wait, fragmentBudget, bodyBudget);
    }

    /**
     * This facade, with builds that hold at most {@code bytes} of the build cache's fragments
     * ({@link #DEFAULT_FRAGMENT_BUDGET} by default, less with a maximum heap under 2 GB) and write the
     * others aside as they are made.
     */
    public Answersite holdingFragments(long bytes) {
        return new Answersite(themeClassLoader, listener, lockWait, bytes, bodyBudget);
    }

    /**
     * This facade, with builds that hold at most {@code bytes} of pages' bodies on the heap
     * ({@link #DEFAULT_BODY_BUDGET} by default, less with a maximum heap under 2 GB) and keep the others
     * in a file beside the build cache.
     */
    public Answersite holdingBodies(long bytes) {
        return new Answersite(themeClassLoader, listener, lockWait, fragmentBudget, bytes);
    }

    long fragmentBudget() {
        return fragmentBudget;
    }

    long bodyBudget() {
        return bodyBudget;
    }

    public Answersite() {
        this(Answersite.class.getClassLoader());
    }

    /** Reads and checks everything; reports problems to {@code diagnostics}; writes nothing. */
    public LoadedSite load(BuildRequest request, Diagnostics diagnostics, StageTimes times) {
        return load(request, diagnostics, times, null, Fragments.none(), Background.done(new MarkdownRenderer()));
    }

    private LoadedSite load(BuildRequest request, Diagnostics diagnostics, StageTimes times, LoadCache cache,
                            Fragments fragments, Background<MarkdownRenderer> markdown) {
        SourceReader reader = new SourceReader(request.siteRoot());
        YAMLFactory yaml = new YAMLFactory();
        Optional<SiteConfig> config = times.time("config", () -> new SiteConfigReader(yaml).read(request.configFile(),
                reader, request.baseUrl(), diagnostics));
        if (config.isEmpty()) {
            return LoadedSite.unreadable(reader);
        }
        diagnostics.usePolicy(config.get().checks().severities());
        if (!Files.isDirectory(request.contentDir())) {
            diagnostics.error(Rules.CONTENT_MISSING, SourcePos.fileOnly(reader.label(request.contentDir())),
                    "the content folder does not exist; create it, or point site.contentDir at it");
            return LoadedSite.unreadable(reader);
        }
        LoadedContent content = times.time("load", () -> new ContentLoader(config.get(), reader, yaml,
                markdown.get(), new SecretScanner(config.get().checks()), cache).load(request.contentDir(), diagnostics));
        ContentGraph graph = times.time("graph", () -> new GraphBuilder(config.get(), reader.label(request.contentDir()),
                request.contentDir(), request.includeDrafts(), request.today()).build(content, diagnostics, fragments));
        Glossary glossary = times.time("check", () -> Glossary.of(graph));
        Map<PageKey, List<PageKey>> unlinkedTerms = times.time("check", () -> new ContentChecks(graph, glossary,
                request.today(), reader, request.siteRoot(), fragments).run(diagnostics));
        return new LoadedSite(Optional.of(graph), reader, unlinkedTerms, Optional.of(glossary));
    }

    /**
     * Loads, and when there are no errors renders, emits, checks the result and replaces the output
     * folder. Holds the output folder's {@link OutputLock} throughout, and first puts the folder back
     * in order if a build before was stopped (see {@link OutputTree#recover}).
     *
     * @throws OutputBusyException when another build kept the output folder longer than this one waits
     */
    public BuildResult build(BuildRequest request) {
        try (OutputLock lock = lockOutput(request)) {
            return run(request, true, null);
        }
    }

    private OutputLock lockOutput(BuildRequest request) {
        OutputLock lock = OutputLock.acquire(request.outputDir(), lockWait, listener::note);
        try {
            OutputTree.recover(request.outputDir()).forEach(listener::note);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }

    /**
     * As {@link #build(BuildRequest)}, with a build cache in {@code cacheDir}: when the inputs (every
     * file's bytes, the plugin, the request and today's date) and the output folder are as the last
     * successful build left them, the build is answered from the cache; otherwise only pages whose
     * view changed are rendered again. The output is the same either way.
     */
    public BuildResult build(BuildRequest request, Path cacheDir) {
        try (OutputLock lock = lockOutput(request)) {
            return new CachedBuild(this, listener).run(request, cacheDir);
        }
    }

    /**
     * Runs every check of a build, the built-site checks included, without touching the output
     * folder: pages are rendered into a temporary folder that is deleted afterwards.
     */
    public BuildResult check(BuildRequest request) {
        return run(request, false, null);
    }

    /**
     * Builds into memory for the preview server, reusing what the caches hold from the previous
     * build: files are read again only when they changed, pages rendered again only when their view
     * model changed. The files are the same bytes a build with the same request writes.
     */
    public Preview preview(BuildRequest request, LoadCache loadCache, RenderCache renderCache) {
        return preview(request, loadCache, renderCache, new BuiltSiteCheck.Memory());
    }

    /** As {@link #preview(BuildRequest, LoadCache, RenderCache)}, also reusing built-site facts of unchanged pages. */
    public Preview preview(BuildRequest request, LoadCache loadCache, RenderCache renderCache,
                           BuiltSiteCheck.Memory checked) {
        return preview(request, loadCache, renderCache, checked, Fragments.none());
    }

    /**
     * As {@link #preview(BuildRequest, LoadCache, RenderCache)}, also reusing built-site facts of
     * unchanged pages and the per-page pieces of the machine files ({@code fragments}).
     */
    public Preview preview(BuildRequest request, LoadCache loadCache, RenderCache renderCache,
                           BuiltSiteCheck.Memory checked, Fragments fragments) {
        return preview(request, loadCache, renderCache, checked, fragments, Set::of, pages -> { });
    }

    /**
     * As {@link #preview(BuildRequest, LoadCache, RenderCache, BuiltSiteCheck.Memory, Fragments)}; once the site
     * has loaded without errors, the content pages at the output paths {@code shown} gives (the pages browsers
     * have open) are rendered and handed to {@code first} before every other page is.
     */
    public Preview preview(BuildRequest request, LoadCache loadCache, RenderCache renderCache,
                           BuiltSiteCheck.Memory checked, Fragments fragments, Supplier<Set<String>> shown,
                           Consumer<List<SiteRenderer.RenderedPage>> first) {
        MemoryOutput output = new MemoryOutput();
        Diagnostics diagnostics = new Diagnostics();
        StageTimes times = new StageTimes(listener);
        fragments.startBuild();
        Background<ObjectMapper> json = SiteRenderer.jsonInBackground();
        LoadedSite loaded = load(request, diagnostics, times, loadCache, fragments,
                Background.done(new MarkdownRenderer()));
        int maxLines = loaded.graph().map(g -> g.config().checks().maxLinesPerRule())
                .orElse(CheckSettings.DEFAULTS.maxLinesPerRule());
        if (loaded.graph().isEmpty() || diagnostics.hasErrors()) {
            return new Preview(new BuildResult(diagnostics.sorted(), new PageCounts(), 0,
                    loaded.graph().map(ContentGraph::heldBack).orElse(List.of()), times, false, maxLines, -1), output,
                    loaded.graph().map(g -> g.config().basePath()).orElse(""), Optional.empty());
        }
        Theme theme = theme(request, loaded.reader());
        Set<String> open = shown.get();
        if (!open.isEmpty()) {
            first.accept(ShownPagesAhead.render(loaded, theme, new StaticAssets(themeClassLoader,
                    request.staticDir()).fingerprinted(), open));
        }
        RenderedSite rendered = renderAndEmit(request, loaded, theme, json, output, diagnostics, times, renderCache,
                checked, fragments);
        renderCache.retainOnly(rendered.pages().writtenPaths());
        if (!diagnostics.hasErrors()) {
            fragments.endBuild(); // a failed build keeps what it did not reach, for the build that fixes it
        }
        return new Preview(new BuildResult(diagnostics.sorted(), rendered.pages(), rendered.files(),
                loaded.graph().get().heldBack(), times, !diagnostics.hasErrors(), maxLines, -1), output,
                loaded.graph().get().config().basePath(), diagnostics.hasErrors() ? Optional.empty()
                : Optional.of(new Sources(loaded, rendered.theme(), rendered.strings(), rendered.fingerprinted())));
    }

    /**
     * A build kept in memory: its result, its files (usable when it had no errors), and the base
     * URL's path ({@code ""} at the root) under which its pages link to each other.
     */
    public record Preview(BuildResult result, MemoryOutput files, String basePath, Optional<Sources> sources) {
    }

    /**
     * What a successful preview build read and compiled, kept so that the next edit's page can be
     * rendered from it at once ({@link #editedPage}).
     */
    public record Sources(LoadedSite loaded, Theme theme, Map<String, Map<String, String>> strings,
                          Map<String, String> fingerprinted) {
    }

    /**
     * The page of one edited content file, rendered against the previous preview build with only
     * that file read again and only that page's edges resolved again: what the preview shows within
     * milliseconds of a save, before the full rebuild brings every other output up to date (and
     * replaces this page with the same bytes, or with bytes that also reflect other pages' changes).
     * Empty when the edit needs the full rebuild: the file is not a page, has errors, changes the
     * page's id, topic or publication, or its links do not resolve.
     */
    public Optional<SiteRenderer.RenderedPage> editedPage(BuildRequest request, Sources previous, LoadCache loadCache,
                                                         Path file) {
        return EditedPage.render(request, previous, loadCache, file);
    }

    /** The content pages at {@code paths} with the site's templates as they are now, over the last good build. */
    public List<SiteRenderer.RenderedPage> shownPagesAhead(BuildRequest request, Sources previous, Set<String> paths) {
        return ShownPagesAhead.render(previous, theme(request, previous.loaded().reader()), paths);
    }

    private record RenderedSite(PageCounts pages, int files, Theme theme, Map<String, Map<String, String>> strings,
                                Map<String, String> fingerprinted) {
    }

    /** The site's templates over the built-in theme, for one build. */
    private Theme theme(BuildRequest request, SourceReader reader) {
        return new Theme(request.templatesDir(), themeClassLoader, new YAMLFactory(), reader);
    }

    private RenderedSite renderAndEmit(BuildRequest request, LoadedSite loaded, Theme theme, Background<ObjectMapper> json,
                                       SiteOutput destination, Diagnostics diagnostics, StageTimes times,
                                       RenderCache renderCache, BuiltSiteCheck.Memory checked, Fragments fragments) {
        BuiltSiteCheck.Pages written = new BuiltSiteCheck.Pages(checked);
        SiteOutput output = new ObservedOutput(destination, written);
        ContentGraph graph = loaded.graph().orElseThrow();
        Map<String, Map<String, String>> strings = new LinkedHashMap<>();
        graph.config().languages().forEach(l -> strings.put(l.code(), theme.strings(l.code(), diagnostics)));
        Map<PageKey, List<PageKey>> autolinks = graph.config().checks().glossaryAutolink()
                ? loaded.unlinkedTerms() : Map.of();
        StaticAssets staticAssets = new StaticAssets(themeClassLoader, request.staticDir());
        Map<String, String> fingerprinted = staticAssets.fingerprinted();
        PageCounts pages = times.time("render", () -> new SiteRenderer(graph, theme, strings,
                loaded.glossary().orElseThrow(), autolinks, renderCache, fingerprinted, json)
                .render(output, diagnostics, listener::pagesRendered));
        written.pagesWritten(); // the machine files below are no HTML pages
        int files = times.time("emit", () -> {
            SiteText text = new SiteText(graph, strings);
            // the search index reads no other emitter's output: made beside them, it fills what their serial parts leave
            Parallel.beside("answersite-search", () -> new SearchIndex(text, fragments).emit(output),
                    () -> new MachineFiles(text, loaded.reader().label(request.configFile()), fragments).emit(output, diagnostics));
            new HostingFiles(text, List.copyOf(fingerprinted.values()), request.staticDir()).emit(output, fragments);
            return staticAssets.emit(output)
                    + new ContentAssets(graph, request.contentDir()).emit(output);
        });
        times.time("verify", () -> {
            if (diagnostics.hasErrors()) {
                return null; // pages are missing after a template error: their links would only add noise
            }
            new BuiltSiteCheck(loaded.reader().label(request.outputDir()), graph.config().basePath(),
                    graph.config().baseUrl().toString()).run(output.pathSet(), pages.templates(), diagnostics, written,
                    BuiltSiteCheck.contentLinks(graph));
            return null;
        });
        return new RenderedSite(pages, files, theme, strings, fingerprinted);
    }

    private BuildResult run(BuildRequest request, boolean write, RenderCache renders) {
        return run(request, write, renders, null, Fragments.none(), BuiltSiteCheck.Memory::none,
                new StageTimes(listener), Optional.empty(), Background.done(new MarkdownRenderer()), found -> { });
    }

    /**
     * @param checked the built-site facts of earlier builds, asked for when the render starts (they may
     *     still be read while the content loads)
     * @param listed the output folder as listed at the start of the build, under the lock, when it was
     *     (asked for at the commit: it may still be listed while the build runs)
     * @param markdown the Markdown renderer, maybe still being made (see {@link CachedBuild})
     * @param beforeCommit given the build's findings when the site is checked, its files are written to
     *     the staging folder, and it is about to replace the output folder (not after errors): what it
     *     starts may run while the files are forced to the disk and moved
     */
    BuildResult run(BuildRequest request, boolean write, RenderCache renders, LoadCache loads, Fragments fragments,
                    Supplier<BuiltSiteCheck.Memory> checked, StageTimes times, Optional<Supplier<OutputManifest>> listed,
                    Background<MarkdownRenderer> markdown, Consumer<List<Diagnostic>> beforeCommit) {
        Diagnostics diagnostics = new Diagnostics();
        // the templates compile, and the JSON-LD's mapper is made, on threads of their own while the content is read
        Theme theme = theme(request, new SourceReader(request.siteRoot()));
        theme.compileInBackground(SiteRenderer.templates());
        Background<ObjectMapper> json = SiteRenderer.jsonInBackground();
        LoadedSite loaded = load(request, diagnostics, times, loads, fragments, markdown);
        int maxLines = loaded.graph().map(g -> g.config().checks().maxLinesPerRule())
                .orElse(CheckSettings.DEFAULTS.maxLinesPerRule());
        if (loaded.graph().isEmpty() || diagnostics.hasErrors()) {
            return new BuildResult(diagnostics.sorted(), new PageCounts(), 0,
                    loaded.graph().map(ContentGraph::heldBack).orElse(List.of()), times, false, maxLines, -1);
        }
        ContentGraph graph = loaded.graph().get();
        try (ScratchFolder scratch = ScratchFolder.createIf(!write);
             OutputTree output = OutputTree.open(write ? request.outputDir() : scratch.site(), listener::reached)) {
            listed.filter(start -> write).ifPresent(output::listedAtStart);
            RenderedSite rendered = renderAndEmit(request, loaded, theme, json, output, diagnostics, times, renders,
                    checked.get(), fragments);
            boolean written = write && !diagnostics.hasErrors();
            if (written) {
                times.time("write", () -> {
                    output.finishWrites(); // what the output's files were made from is not read after this
                    beforeCommit.accept(diagnostics.sorted());
                    output.commit();
                    return null;
                });
            }
            return new BuildResult(diagnostics.sorted(), rendered.pages(), rendered.files(), graph.heldBack(), times,
                    written, maxLines, written ? output.changedFiles() : -1, false,
                    written ? Optional.of(output.manifest()) : Optional.empty());
        }
    }
}
