package io.answersite.check;

import io.answersite.content.Page;
import io.answersite.diagnostic.Diagnostics;
import io.answersite.diagnostic.Rules;
import io.answersite.diagnostic.SourcePos;
import io.answersite.graph.ContentGraph;
import io.answersite.graph.LinkTarget;
import io.answersite.markdown.LinkRef;
import io.answersite.text.PercentDecoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A body link to a path of the site that the graph could not find among pages, lists and content
 * files ({@code /llms.txt}, {@code /search/}): it is looked for once the files are written
 * ({@link BuiltSiteCheck}), and reported at the link like any other content link.
 *
 * @param url the {@code href} the page carries
 * @param target the file it must lead to, relative to the output root
 */
public record ContentLink(String url, String target, String anchor, String destination, SourcePos pos) {

    /** Every body link of {@code graph} that leads to a site path rather than a page or content file. */
    static List<ContentLink> allIn(ContentGraph graph) {
        List<ContentLink> links = new ArrayList<>();
        for (Page page : graph.pages().values()) {
            List<LinkTarget> targets = graph.linkTargets().getOrDefault(page.key(), List.of());
            for (LinkRef link : page.body().links()) {
                LinkTarget target = LinkTarget.at(targets, link.slot());
                if (target.isSitePath()) {
                    String file = target.sitePath().replaceFirst("\\?.*$", "");
                    links.add(new ContentLink(target.url(graph.urls(), false),
                            file.isEmpty() || file.endsWith("/") ? file + "index.html" : file, target.anchor(),
                            link.destination(), link.pos()));
                }
            }
        }
        return links;
    }

    /** Reports the link at its place in the content when the built site has no such file or id. */
    void check(Set<String> files, Map<String, Set<String>> ids, Diagnostics diagnostics) {
        if (!files.contains(target)) {
            diagnostics.error(Rules.LINK_TARGET, pos, "link target '" + destination
                    + "' does not exist (the site has no file " + target + "); link to a page by its .md"
                    + " file or a typed reference, or put the file under content/ and link to it relatively");
        } else if (anchor != null && !anchor.isEmpty() && ids.containsKey(target)
                && !ids.get(target).contains(PercentDecoding.decodeOrKeep(anchor))) {
            diagnostics.error(Rules.LINK_ANCHOR, pos, "'" + destination + "' points to '#"
                    + anchor + "', which the page " + target + " does not have");
        }
    }
}
