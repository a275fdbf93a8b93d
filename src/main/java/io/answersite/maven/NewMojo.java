package io.answersite.maven;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.answersite.config.SiteConfig;
import io.answersite.config.SiteConfigReader;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.scaffold.NewPage;
import io.answersite.source.SourceReader;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a new page from its archetype, with today's date, the required keys and the sections to
 * fill in, as a draft: {@code mvn site:new -Dtype=answer -Did=model-not-found -Dtopic=models}. With
 * {@code -Dlang=en} for an existing id it starts the translation from the original.
 */
@Mojo(name = "new", threadSafe = true)
public final class NewMojo extends AbstractSiteMojo {

    /** The site's own templates, where a site's own archetypes are looked for first. */
    @Parameter(property = "site.templatesDir", defaultValue = "${project.basedir}/templates")
    private File templatesDir;

    /** answer, guide, checklist, glossary or topic. */
    @Parameter(property = "type")
    private String type;

    /** The new page's id: its file name and URL. */
    @Parameter(property = "id")
    private String id;

    /** The topic id (required for answers, guides and checklists). */
    @Parameter(property = "topic")
    private String topic;

    /** A language code from site.yml, for a translation of an existing page. */
    @Parameter(property = "lang")
    private String lang;

    /** The title; by default one is made from the id. */
    @Parameter(property = "title")
    private String title;

    @Override
    public void execute() throws MojoFailureException {
        Path site = sitePath();
        Diagnostics diagnostics = new Diagnostics();
        SourceReader reader = new SourceReader(site);
        Optional<SiteConfig> config = new SiteConfigReader(new YAMLFactory())
                .read(configPath(), reader, Optional.empty(), diagnostics);
        if (config.isEmpty()) {
            diagnostics.sorted().forEach(d -> getLog().error(d.format()));
            throw new MojoFailureException("site.yml could not be read (" + reader.label(configPath())
                    + "); fix it, then run site:new again");
        }
        try {
            Path file = new NewPage(config.get(), contentPath(), templatesDir.toPath(), NewMojo.class.getClassLoader())
                    .write(new NewPage.Request(type, id, topic, lang, title, LocalDate.now()));
            getLog().info("answersite: wrote " + reader.label(file) + " (a draft: fill it in, preview it with"
                    + " mvn site:serve, then remove 'draft: true')");
        } catch (NewPage.Refused refused) {
            throw new MojoFailureException("site:new: " + refused.getMessage());
        }
    }

}
