package io.answersite.site;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.config.SiteConfig;
import io.answersite.config.SiteConfigReader;
import io.answersite.content.ContentLoader;
import io.answersite.content.LoadedContent;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.SourcePos;
import io.answersite.emit.ContentAssets;
import io.answersite.emit.MachineFiles;
import io.answersite.emit.SiteText;
import io.answersite.emit.StaticAssets;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.GraphBuilder;
import io.answersite.markdown.MarkdownRenderer;
import io.answersite.output.OutputTree;
import io.answersite.render.PageCounts;
import io.answersite.render.SiteRenderer;
import io.answersite.render.Theme;
import io.answersite.source.SourceReader;
import io.answersite.source.SourceText;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a build: {@link #load} (configuration, content, graph; writes nothing), then {@link #build}
 * (render, emit, write). Holds no state between builds; two builds may run side by side.
 */
public final class Answersite {

    public static final String RULE_CONFIG_MISSING = "config-missing";
    public static final String RULE_CONTENT_MISSING = "content-missing";

    private final ClassLoader themeClassLoader;

    /** @param themeClassLoader where the built-in theme ({@code theme/}) is found: the plugin's own */
    public Answersite(ClassLoader themeClassLoader) {
        this.themeClassLoader = themeClassLoader;
    }

    public Answersite() {
        this(Answersite.class.getClassLoader());
    }

    /** Reads and checks everything; reports problems to {@code diagnostics}; writes nothing. */
    public LoadedSite load(BuildRequest request, Diagnostics diagnostics, StageTimes times) {
        SourceReader reader = new SourceReader(request.siteRoot());
        YAMLFactory yaml = new YAMLFactory();
        Optional<SiteConfig> config = times.time("config", () -> readConfig(request, reader, yaml, diagnostics));
        if (config.isEmpty()) {
            return new LoadedSite(Optional.empty(), reader);
        }
        diagnostics.usePolicy(config.get().checks().severities());
        if (!Files.isDirectory(request.contentDir())) {
            diagnostics.error(RULE_CONTENT_MISSING, SourcePos.fileOnly(reader.label(request.contentDir())),
                    "the content folder does not exist; create it, or point site.contentDir at it");
            return new LoadedSite(Optional.empty(), reader);
        }
        LoadedContent content = times.time("load", () -> new ContentLoader(config.get(), reader, yaml,
                new MarkdownRenderer()).load(request.contentDir(), diagnostics));
        ContentGraph graph = times.time("graph", () -> new GraphBuilder(config.get(),
                reader.label(request.contentDir()), request.contentDir(), request.includeDrafts(), request.today()).build(content, diagnostics));
        return new LoadedSite(Optional.of(graph), reader);
    }

    /** Loads, and when there are no errors renders, emits and replaces the output folder. */
    public BuildResult build(BuildRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        StageTimes times = new StageTimes();
        LoadedSite loaded = load(request, diagnostics, times);
        if (loaded.graph().isEmpty() || diagnostics.hasErrors()) {
            return new BuildResult(diagnostics.sorted(), new PageCounts(), 0,
                    loaded.graph().map(ContentGraph::heldBack).orElse(List.of()), times, false);
        }
        ContentGraph graph = loaded.graph().get();
        try (OutputTree output = OutputTree.open(request.outputDir())) {
            Theme theme = new Theme(request.templatesDir(), themeClassLoader, new YAMLFactory(), loaded.reader());
            Map<String, Map<String, String>> strings = new LinkedHashMap<>();
            graph.config().languages().forEach(l -> strings.put(l.code(), theme.strings(l.code(), diagnostics)));
            PageCounts pages = times.time("render", () -> new SiteRenderer(graph, theme, strings)
                    .render(output, diagnostics));
            int staticFiles = times.time("emit", () -> {
                new MachineFiles(new SiteText(graph, strings), loaded.reader().label(request.configFile()))
                        .emit(output, diagnostics);
                return new StaticAssets(themeClassLoader, request.staticDir()).emit(output)
                        + new ContentAssets(graph, request.contentDir()).emit(output);
            });
            boolean written = !diagnostics.hasErrors();
            if (written) {
                times.time("write", () -> {
                    output.commit();
                    return null;
                });
            }
            return new BuildResult(diagnostics.sorted(), pages, staticFiles, graph.heldBack(), times, written);
        }
    }

    private static Optional<SiteConfig> readConfig(BuildRequest request, SourceReader reader, YAMLFactory yaml,
                                                   Diagnostics diagnostics) {
        if (!Files.isRegularFile(request.configFile())) {
            diagnostics.error(RULE_CONFIG_MISSING, SourcePos.fileOnly(reader.label(request.configFile())),
                    "site.yml not found; create it with at least 'title:' and 'base_url:', or point site.config at it");
            return Optional.empty();
        }
        Optional<SourceText> text = reader.read(request.configFile(), diagnostics);
        return text.flatMap(t -> new SiteConfigReader(yaml).read(t, request.baseUrl(), diagnostics));
    }
}
