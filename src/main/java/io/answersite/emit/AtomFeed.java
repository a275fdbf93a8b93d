package io.answersite.emit;

import io.answersite.config.Author;
import io.answersite.config.Language;
import io.answersite.content.Kind;
import io.answersite.content.Page;
import io.answersite.sink.SiteOutput;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * An Atom feed per language ({@code /feed.xml}, {@code /en/feed.xml}) of the most recently updated
 * answers. Its {@code updated} is the newest entry's, not the build time, so builds are reproducible.
 */
public final class AtomFeed {

    private final SiteText site;

    public AtomFeed(SiteText site) {
        this.site = site;
    }

    public void emit(SiteOutput output) {
        for (Language language : site.config().languages()) {
            output.write(site.urls().hubFolder(language.code()) + "feed.xml", feed(language));
        }
    }

    /** The site path of the feed of a language, for autodiscovery links. */
    public static String feedFolder(SiteText site, String language) {
        return site.urls().hubFolder(language) + "feed.xml";
    }

    String feed(Language language) {
        List<Page> answers = site.graph().pagesOf(Kind.ANSWER, language.code())
                .sorted(Comparator.comparing((Page p) -> p.common().lastModified()).reversed()
                        .thenComparing(p -> p.key().id()))
                .limit(site.config().feedEntries())
                .toList();
        String hub = site.urls().absolute(site.urls().hubFolder(language.code()));
        String self = site.urls().absolute(feedFolder(site, language.code()));
        LocalDate updated = answers.isEmpty() ? LocalDate.of(2000, 1, 1) : answers.get(0).common().lastModified();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(Xml.escape(language.code())).append("\">\n");
        xml.append("  <id>").append(Xml.escape(self)).append("</id>\n");
        xml.append("  <title>").append(Xml.escape(site.config().titleIn(language))).append("</title>\n");
        if (!site.config().description().isEmpty()) {
            xml.append("  <subtitle>").append(Xml.escape(site.config().description())).append("</subtitle>\n");
        }
        xml.append("  <updated>").append(site.dateTime(updated)).append("</updated>\n");
        xml.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.escape(self)).append("\"/>\n");
        xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(hub)).append("\"/>\n");
        xml.append("  <author><name>").append(Xml.escape(authorName(null))).append("</name></author>\n");
        for (Page page : answers) {
            Page.Answer answer = (Page.Answer) page;
            String url = site.url(page.key());
            xml.append("  <entry>\n");
            xml.append("    <id>").append(Xml.escape(url)).append("</id>\n");
            xml.append("    <title>").append(Xml.escape(answer.title())).append("</title>\n");
            xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(url)).append("\"/>\n");
            xml.append("    <published>").append(site.dateTime(answer.common().date())).append("</published>\n");
            xml.append("    <updated>").append(site.dateTime(answer.common().lastModified())).append("</updated>\n");
            xml.append("    <author><name>").append(Xml.escape(authorName(answer))).append("</name></author>\n");
            xml.append("    <summary>").append(Xml.escape(answer.summary())).append("</summary>\n");
            xml.append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private String authorName(Page page) {
        String id = page != null && page.common().author() != null ? page.common().author().value()
                : site.config().defaultAuthor();
        Author author = id == null ? null : site.config().authors().get(id);
        return author != null ? author.name() : site.config().organization().name();
    }
}
