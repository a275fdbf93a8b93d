package io.answersite.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An nginx snippet for the {@code server} block that serves a built site, translated from the
 * site's {@code _headers} and {@code _redirects} ({@link HostingFiles}), so nginx sends the same
 * types, headers and 301s as Netlify and Cloudflare Pages, and the site's 404 page. It also does
 * what those hosts cannot: a request for a page whose {@code Accept} header prefers
 * {@code text/markdown} (lists it first, or lists it and not {@code text/html}) gets the page's
 * Markdown twin, and every page and twin says {@code Vary: Accept}.
 *
 * <p>Each path becomes an exact {@code location}; a page's location serves its {@code index.html}
 * with {@code try_files}, so its headers apply to that response. Rules with a pattern ({@code *} or
 * a {@code :placeholder}, from a site's own files) have no exact location and are listed as comments.
 * The snippet sets no {@code root}: the server block points it at the folder the site is published
 * in (so that a page's path, base path included, names its file).
 */
public final class NginxSnippet {

    private static final Pattern TWIN = Pattern.compile("<([^>]+)>; rel=\"alternate\"; type=\"text/markdown\"");

    private NginxSnippet() {
    }

    /**
     * The snippet for a site whose rules are {@code headers} and {@code redirects}; its 404 page is the
     * path of the rule for a {@code 404.html} (the generated rules give it {@code noindex}).
     */
    public static String of(String headers, String redirects) {
        String notFound = headers.lines().filter(l -> l.startsWith("/") && l.strip().endsWith("/404.html"))
                .map(String::strip).findFirst().orElse("/404.html");
        StringBuilder out = new StringBuilder("""
                # nginx: include this in the server block that serves the site, with root set to the folder
                # the site is published in. Written by Answersite from the site's _headers and _redirects.
                error_page 404 %s;

                # Content negotiation: $answersite_accept is "first" when Accept lists text/markdown first,
                # "listed" when it lists it, and ends in "+html" when it also lists text/html.
                set $answersite_accept "";
                if ($http_accept ~* "text/markdown") {
                    set $answersite_accept "listed";
                }
                if ($http_accept ~* "^\\s*text/markdown") {
                    set $answersite_accept "first";
                }
                if ($http_accept ~* "text/html") {
                    set $answersite_accept "${answersite_accept}+html";
                }
                """.formatted(notFound));
        Map<String, String> moves = redirects(redirects, out);
        moves.forEach((from, to) -> {
            out.append("\nlocation = ").append(quote(from)).append(" {\n    return 301 ").append(quote(to)).append(";\n}\n");
            if (from.endsWith("/") && from.length() > 1 && !moves.containsKey(from.substring(0, from.length() - 1))) {
                out.append("location = ").append(quote(from.substring(0, from.length() - 1)))
                        .append(" {\n    return 301 ").append(quote(to)).append(";\n}\n");
            }
        });
        headers(headers, out).forEach((path, rule) -> {
            out.append("\nlocation = ").append(quote(path)).append(" {\n");
            String type = null;
            String twin = null;
            for (String[] header : rule) {
                if (header[0].equalsIgnoreCase("Content-Type")) {
                    type = header[1];
                } else {
                    out.append("    add_header ").append(header[0]).append(' ').append(quote(header[1])).append(" always;\n");
                    Matcher m = TWIN.matcher(header[1]);
                    if (header[0].equalsIgnoreCase("Link") && m.find()) {
                        twin = m.group(1);
                    }
                }
            }
            boolean page = path.endsWith("/");
            if (page || path.endsWith(".md")) {
                out.append("    add_header Vary Accept always;\n");
            }
            if (type != null) {
                out.append("    types { }\n    default_type ").append(quote(type)).append(";\n");
            }
            if (twin != null) {
                out.append("    if ($answersite_accept ~ \"^(first|listed$)\") {\n        rewrite ^ ")
                        .append(quote(twin)).append(" last;\n    }\n");
            }
            if (page) {
                out.append("    try_files ${uri}index.html =404;\n");
            }
            out.append("}\n");
        });
        return out.toString();
    }

    /** The headers of each exact path, in the order the paths first appear; patterns become comments. */
    private static Map<String, List<String[]>> headers(String text, StringBuilder comments) {
        Map<String, List<String[]>> rules = new LinkedHashMap<>();
        List<String[]> current = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (line.contains("$")) {
                if (!Character.isWhitespace(line.charAt(0))) {
                    current = null;
                }
                comments.append("# not translated (nginx reads $ as a variable): ").append(line.strip()).append('\n');
            } else if (!Character.isWhitespace(line.charAt(0))) {
                String path = line.strip();
                if (pattern(path)) {
                    comments.append("# not translated (a pattern): ").append(path).append('\n');
                    current = null;
                } else {
                    current = rules.computeIfAbsent(path, p -> new ArrayList<>());
                }
            } else if (current != null) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    current.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
                }
            }
        }
        return rules;
    }

    /** Each exact path's 301 target, the first rule for a path winning as on the hosts; others become comments. */
    private static Map<String, String> redirects(String text, StringBuilder comments) {
        Map<String, String> moves = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            String[] parts = rule.split("\\s+");
            String status = parts.length > 2 ? parts[2].replace("!", "") : "302";
            if (parts.length < 2 || pattern(parts[0]) || parts[1].contains("$") || !status.equals("301")) {
                comments.append("# not translated: ").append(rule).append('\n');
            } else {
                moves.putIfAbsent(parts[0], parts[1]);
            }
        }
        return moves;
    }

    private static boolean pattern(String path) {
        return path.contains("*") || path.contains("/:") || !path.startsWith("/") || path.contains("$");
    }

    /**
     * A value as an nginx string: in double quotes, with {@code "} and {@code \} escaped. nginx has no
     * escape for {@code $}, so lines with one are not translated ({@link #pattern}).
     */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
