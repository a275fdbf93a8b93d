package io.answersite.check;

import io.answersite.text.PercentDecoding;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the links of the built pages lead: the files the build wrote and the ids each page holds.
 * A link that is not a fragment alone leads to the same file and id from every page, and the same
 * links (navigation, glossary terms, related pages) are on thousands of pages, so each such link is
 * looked at once. Thread-safe.
 */
final class BuiltLinks {

    private final String basePath;
    private final String baseUrl;
    private final Set<String> files;
    private final Map<String, Set<String>> ids;
    private final Map<String, String> problemByUrl = new ConcurrentHashMap<>();

    /**
     * @param basePath the base URL's path without the trailing slash ({@code ""} at the root)
     * @param baseUrl the absolute base URL, ending in '/'
     * @param files every file written, as paths in the output
     * @param ids the ids of each page, by its path
     */
    BuiltLinks(String basePath, String baseUrl, Set<String> files, Map<String, Set<String>> ids) {
        this.basePath = basePath;
        this.baseUrl = baseUrl;
        this.files = files;
        this.ids = ids;
    }

    /** What is wrong with the link {@code url} on {@code page}, or "" when nothing is. */
    String problem(String page, String url) {
        return url.startsWith("#") ? problemOf(page, url) : problemByUrl.computeIfAbsent(url, u -> problemOf(page, u));
    }

    private String problemOf(String page, String url) {
        String local;
        if (url.startsWith(baseUrl)) {
            local = url.substring(baseUrl.length());
        } else if (url.startsWith("/") && !url.startsWith("//")) {
            if (!(url + "/").startsWith(basePath + "/")) {
                return "the link '" + url + "' leaves the site's base path";
            }
            local = url.substring(Math.min(url.length(), basePath.length() + 1));
        } else if (url.startsWith("#")) {
            local = null;
        } else {
            return "";
        }
        String fragment = null;
        String target = page;
        if (local == null) {
            fragment = url.substring(1);
        } else {
            int hash = local.indexOf('#');
            if (hash >= 0) {
                fragment = local.substring(hash + 1);
                local = local.substring(0, hash);
            }
            local = PercentDecoding.decodeOrKeep(local);
            target = local.isEmpty() || local.endsWith("/") ? local + "index.html" : local;
            if (!files.contains(target)) {
                return "the link '" + url + "' leads to no file of the site";
            }
        }
        if (fragment != null && !fragment.isEmpty() && ids.containsKey(target)
                && !ids.get(target).contains(PercentDecoding.decodeOrKeep(fragment))) {
            return "the link '" + url + "' leads to no element with id '" + PercentDecoding.decodeOrKeep(fragment)
                    + "' in " + target;
        }
        return "";
    }
}
