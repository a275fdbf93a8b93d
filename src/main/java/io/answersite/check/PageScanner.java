package io.answersite.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small tag scanner over a page's bytes, for the built-site check: it takes what the checks need as
 * the page is written, so that no page is read back and no document is built. Apart from the checks
 * because it is the one tricky piece (tag forms, unquoted attributes, comments, scripts) and has its
 * own tests ({@code PageFactsTest}).
 */
final class PageScanner {

    private PageScanner() {
    }

    /**
     * Reads what the checks need straight from the page's bytes, tag by tag, without building a
     * document: ids, href and src values, h1 count, title text, description and canonical. Values
     * are decoded from UTF-8 one by one; script contents and comments are skipped.
     */
    static PageFacts facts(byte[] bytes) {
        List<String> problems = new ArrayList<>();
        Set<String> pageIds = new HashSet<>();
        List<String> links = new ArrayList<>();
        int h1 = 0;
        boolean redirect = false;
        boolean title = false;
        boolean description = false;
        boolean canonical = false;
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            if (bytes[i] != '<') {
                i++;
                continue;
            }
            if (startsWith(bytes, i, "<!--")) {
                int end = indexOf(bytes, "-->", i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            int nameStart = i + 1;
            int nameEnd = nameStart;
            while (nameEnd < n && isNameByte(bytes[nameEnd])) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                i++;
                continue;
            }
            String tag = ascii(bytes, nameStart, nameEnd).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = new HashMap<>();
            int k = nameEnd;
            while (k < n && bytes[k] != '>') {
                if (isNameByte(bytes[k])) {
                    int attrStart = k;
                    while (k < n && isNameByte(bytes[k])) {
                        k++;
                    }
                    String name = ascii(bytes, attrStart, k).toLowerCase(Locale.ROOT);
                    String value = "";
                    if (k < n && bytes[k] == '=') {
                        k++;
                        if (k < n && (bytes[k] == '"' || bytes[k] == '\'')) {
                            byte quote = bytes[k];
                            int valueEnd = k + 1;
                            while (valueEnd < n && bytes[valueEnd] != quote) {
                                valueEnd++;
                            }
                            value = unescape(new String(bytes, k + 1, valueEnd - k - 1, StandardCharsets.UTF_8));
                            k = valueEnd + 1;
                        } else {
                            int valueEnd = k;
                            while (valueEnd < n && bytes[valueEnd] != '>' && !isSpace(bytes[valueEnd])) {
                                valueEnd++;
                            }
                            value = unescape(new String(bytes, k, valueEnd - k, StandardCharsets.UTF_8));
                            k = valueEnd;
                        }
                    }
                    attributes.putIfAbsent(name, value);
                } else {
                    k++;
                }
            }
            i = k + 1;
            String id = attributes.get("id");
            if (id != null && !pageIds.add(id)) {
                problems.add("the id '" + id + "' is used twice");
            }
            if (attributes.containsKey("href")) {
                links.add(attributes.get("href"));
            } else if (attributes.containsKey("src")) {
                links.add(attributes.get("src"));
            }
            switch (tag) {
                case "h1" -> h1++;
                case "title" -> {
                    int end = indexOf(bytes, "</title", i);
                    title = end > i && !new String(bytes, i, end - i, StandardCharsets.UTF_8).isBlank();
                }
                case "meta" -> {
                    if ("refresh".equalsIgnoreCase(attributes.get("http-equiv"))) {
                        redirect = true;
                    }
                    if ("description".equals(attributes.get("name"))
                            && !attributes.getOrDefault("content", "").isBlank()) {
                        description = true;
                    }
                }
                case "link" -> {
                    if ("canonical".equals(attributes.get("rel")) && !attributes.getOrDefault("href", "").isBlank()) {
                        canonical = true;
                    }
                }
                case "script", "style" -> {
                    int end = indexOf(bytes, "</" + tag, i);
                    i = end < 0 ? n : end;
                }
                default -> { }
            }
        }
        if (!redirect) {
            if (h1 != 1) {
                problems.add("the page has " + h1 + " <h1> elements; it needs exactly one");
            }
            if (!title) {
                problems.add("the page has no <title>");
            }
            if (!description) {
                problems.add("the page has no meta description");
            }
        }
        if (!canonical) {
            problems.add("the page has no canonical link");
        }
        return new PageFacts(pageIds, List.copyOf(links), List.copyOf(problems));
    }

    /** HTML's white space between attributes: space, tab, line feed, form feed, carriage return. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r';
    }

    private static boolean isNameByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
                || b == ':';
    }

    private static boolean startsWith(byte[] bytes, int at, String text) {
        if (at + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, String text, int from) {
        for (int i = from; i <= bytes.length - text.length(); i++) {
            if (bytes[i] == text.charAt(0) && startsWith(bytes, i, text)) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The entities templates write in attribute values. */
    private static String unescape(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
