package io.answersite.bench;

import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor the build is compared with: Flexmark alone parses and renders every Markdown file and
 * writes one HTML file per page, on both cores, nothing else. A benchmark, not a test.
 *
 * <p>usage: FlexmarkOnly CONTENT_DIR OUT_DIR
 */
public final class FlexmarkOnly {

    private FlexmarkOnly() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path content = Path.of(args[0]);
        Path out = Path.of(args[1]);
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create()));
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(f -> f.toString().endsWith(".md")).toList();
        }
        files.parallelStream().forEach(file -> {
            try {
                String html = renderer.render(parser.parse(Files.readString(file, StandardCharsets.UTF_8)));
                Path target = out.resolve(content.relativize(file).toString().replace(".md", ".html"));
                Files.createDirectories(target.getParent());
                Files.writeString(target, html, StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(file.toString(), e);
            }
        });
        System.out.printf("%d files in %.2f s (in-process, JVM start not counted)%n", files.size(),
                (System.nanoTime() - start) / 1e9);
    }
}
