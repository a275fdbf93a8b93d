package io.answersite.emit;

import io.answersite.config.RobotsPolicy;
import io.answersite.sink.SiteOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code /robots.txt} from site.yml: a group for every crawler ({@code *}), one per AI crawler by
 * its documented token and per crawler site.yml names, then the {@code Sitemap:} line. By default
 * everything is allowed, AI crawlers included.
 */
public final class Robots {

    private final SiteText site;

    public Robots(SiteText site) {
        this.site = site;
    }

    public void emit(SiteOutput output) {
        output.write("robots.txt", text());
    }

    public String text() {
        RobotsPolicy policy = site.config().robots();
        String root = site.urls().path("");
        StringBuilder txt = new StringBuilder("# robots.txt written by Answersite from site.yml\n\n");
        group(List.of("*"), policy.allowAll(), policy, root, txt);
        TreeSet<String> named = new TreeSet<>(policy.crawlers().keySet());
        List<String> crawlers = new ArrayList<>(RobotsPolicy.AI_CRAWLERS);
        named.stream().filter(c -> !crawlers.contains(c)).forEach(crawlers::add);
        for (String crawler : crawlers) {
            group(List.of(crawler), policy.allows(crawler), policy, root, txt);
        }
        txt.append("Sitemap: ").append(site.urls().absolute("sitemap.xml")).append('\n');
        return txt.toString();
    }

    private static void group(List<String> agents, boolean allowed, RobotsPolicy policy, String root, StringBuilder txt) {
        agents.forEach(agent -> txt.append("User-agent: ").append(agent).append('\n'));
        if (allowed) {
            txt.append("Allow: ").append(root).append('\n');
            for (String path : policy.disallowPaths()) {
                txt.append("Disallow: ").append(root).append(path.substring(1)).append('\n');
            }
        } else {
            txt.append("Disallow: ").append(root).append('\n');
        }
        txt.append('\n');
    }
}
