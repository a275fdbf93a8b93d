package io.answersite.config;

import java.util.List;
import java.util.Map;

/**
 * What robots.txt says. {@code allowAll} is the policy for every crawler; {@code aiCrawlers} the
 * policy for the AI crawlers listed in {@link #AI_CRAWLERS}, each of which may be set on its own in
 * {@code crawlers}. {@code disallowPaths} are closed to everyone.
 */
public record RobotsPolicy(boolean allowAll, boolean aiCrawlers, Map<String, Boolean> crawlers,
                           List<String> disallowPaths) {

    /** The documented user-agent tokens of AI crawlers and fetchers, as their operators publish them. */
    public static final List<String> AI_CRAWLERS = List.of("GPTBot", "OAI-SearchBot", "ChatGPT-User", "ClaudeBot",
            "Claude-SearchBot", "Claude-User", "PerplexityBot", "Perplexity-User", "Google-Extended",
            "Applebot-Extended", "CCBot", "Bytespider", "meta-externalagent");

    public static final RobotsPolicy ALLOW_EVERYTHING = new RobotsPolicy(true, true, Map.of(), List.of());

    /** Whether {@code crawler} may read the site (paths in {@code disallowPaths} aside). */
    public boolean allows(String crawler) {
        Boolean own = crawlers.get(crawler);
        if (own != null) {
            return own;
        }
        return AI_CRAWLERS.contains(crawler) ? aiCrawlers : allowAll;
    }
}
