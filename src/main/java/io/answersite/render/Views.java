package io.answersite.render;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.List;

/** The view models templates receive. Every field is ready to print: no lookups in templates. */
public final class Views {

    private Views() {
    }

    /**
     * What every page's layout needs: the site, the head, breadcrumbs, language switch, navigation.
     *
     * @param status why an unpublished page is shown (drafts included), or null for published pages
     */
    public record Layout(String siteTitle, String lang, String title, String fullTitle, String description,
                         String canonical, String hubUrl, String stylesheetUrl, List<Link> nav,
                         List<Link> breadcrumbs, List<Alternate> alternates, String pageKind, Head head,
                         String status) {
    }

    /**
     * The machine-facing part of the head: Open Graph, feed and Markdown-twin discovery, JSON-LD.
     *
     * @param xDefault the URL for {@code hreflang="x-default"}, or null when the page has no translations
     * @param markdownUrl the page's Markdown twin, or null for pages without one
     * @param scriptUrl the site path of the assets folder (for a site's templates that name a file in it)
     * @param assets the site paths of the theme's stylesheet and scripts, fingerprinted
     */
    public record Head(String ogType, String ogImage, String ogLocale, List<String> ogLocaleAlternates,
                       String xDefault, String feedUrl, String feedTitle, String markdownUrl, String llmsTxtUrl,
                       SafeString jsonLd, String searchUrl, String scriptUrl, boolean noindex, Assets assets) {
    }

    /**
     * The site paths pages link for the theme's files, each its fingerprinted copy (a name with a
     * hash of its content) when the build made one: the stylesheet, the page script and the search script.
     */
    public record Assets(String stylesheet, String script, String searchScript) {
    }

    /** A link with a label; {@code current} marks the page being shown. */
    public record Link(String label, String url, boolean current) {
    }

    /** The same page in another language: {@code url} for links, {@code absoluteUrl} for hreflang. */
    public record Alternate(String code, String name, String url, String absoluteUrl, boolean current) {
    }

    /**
     * A page shown in a list: its title, kind label, URL, and a line of text (short answer or
     * description, as plain text).
     *
     * @param textHtml the text as HTML when it is rendered inline Markdown (a related item's note
     *     written with Markdown), else null: then the card shows {@code text}
     */
    public record Card(String title, String kindLabel, String url, String text, SafeString textHtml) {
    }

    public record Byline(String authorName, String authorUrl, String date, String updated) {
    }

    /** A follow-up question and its answer, both HTML (escaped text or rendered inline Markdown). */
    public record Faq(String id, SafeString question, SafeString answer) {
    }

    public record TocEntry(int level, String text, String id) {
    }

    /**
     * An answer; its front matter texts are HTML (inline Markdown rendered, or plain text escaped,
     * with glossary links when site.yml asks for them).
     */
    public record Answer(String title, String question, String description, Byline byline, SafeString answer,
                         List<SafeString> basis, List<SafeString> nextSteps, List<SafeString> summaryEn,
                         SafeString bodyHtml,
                         List<Faq> faq, List<Card> related, SafeString handoffHtml, SafeString reviewHtml,
                         List<Card> moreAnswers, Card topic, List<String> tags) {
    }

    public record Article(String title, String description, Byline byline, List<TocEntry> toc, SafeString bodyHtml,
                          Card topic, List<String> tags, int itemCount) {
    }

    /** A glossary term; its definition is HTML (inline Markdown rendered, or plain text escaped). */
    public record GlossaryTerm(String title, String term, List<String> synonyms, SafeString definition,
                               String description, Byline byline, SafeString bodyHtml, Card topic) {
    }

    public record Topic(String title, String description, SafeString bodyHtml, List<Card> answers,
                        List<Card> guides, List<Card> checklists, List<Card> terms) {
    }

    /**
     * A topic on the hub with its first answers; {@code all} links to the topic's page (or the list of
     * answers) when the hub shows only some of them, else null.
     */
    public record TopicGroup(Card topic, List<Card> answers, Link all) {
    }

    public record Hub(String title, String description, SafeString introHtml, List<TopicGroup> groups,
                      List<Card> sections) {
    }

    /**
     * A page of a kind's list ({@code /answers/}, {@code /answers/page/2/}, the glossary index, ...);
     * {@code pagination} is null when the list fits on one page.
     */
    public record Listing(String title, String description, String kind, List<Card> items, Pagination pagination) {
    }

    /**
     * Where a list page stands among the list's pages: {@code status} reads "Page 2 of 7"; each link is
     * null where there is no such page (no previous page on the first).
     */
    public record Pagination(String label, String status, Link first, Link previous, Link next, Link last) {
    }

    public record Redirect(String target, String lang) {
    }

    /** The search page: where the language's index is. */
    public record Search(String title, String indexUrl) {
    }
}
