package io.answersite.check;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
        return facts(bytes, new ValueStrings());
    }

    /** As {@link #facts(byte[])}, with attribute values taken from {@code strings}, one instance per distinct value. */
    static PageFacts facts(byte[] bytes, ValueStrings strings) {
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
        String[] values = new String[WANTED.length];
        while (i < n) {
            i = nextByte(bytes, (byte) '<', i);
            if (i < 0) {
                break;
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
            String tag = knownTag(bytes, nameStart, nameEnd);
            // only the attributes the checks read are decoded; the first of two equal names counts
            Arrays.fill(values, null);
            int k = nameEnd;
            while (k < n && bytes[k] != '>') {
                if (isNameByte(bytes[k])) {
                    int attrStart = k;
                    while (k < n && isNameByte(bytes[k])) {
                        k++;
                    }
                    int wanted = wanted(bytes, attrStart, k);
                    int valueStart = k;
                    int valueEnd = k;
                    if (k < n && bytes[k] == '=') {
                        k++;
                        if (k < n && (bytes[k] == '"' || bytes[k] == '\'')) {
                            byte quote = bytes[k];
                            valueStart = k + 1;
                            valueEnd = valueStart;
                            while (valueEnd < n && bytes[valueEnd] != quote) {
                                valueEnd++;
                            }
                            k = valueEnd + 1;
                        } else {
                            valueStart = k;
                            valueEnd = k;
                            while (valueEnd < n && bytes[valueEnd] != '>' && !isSpace(bytes[valueEnd])) {
                                valueEnd++;
                            }
                            k = valueEnd;
                        }
                    }
                    if (wanted >= 0 && values[wanted] == null) {
                        // a meta tag's content (a page's own description and titles) is on one page only:
                        // kept in the build-wide table, it ran the 50,000-page build (default corpus shape,
                        // -Xmx1100m) out of heap
                        values[wanted] = wanted == CONTENT ? decode(bytes, valueStart, Math.min(valueEnd, n))
                                : strings.of(bytes, valueStart, Math.min(valueEnd, n));
                    }
                } else {
                    k++;
                }
            }
            i = k + 1;
            String id = values[ID];
            if (id != null && !pageIds.add(id)) {
                problems.add("the id '" + id + "' is used twice");
            }
            if (values[HREF] != null) {
                links.add(values[HREF]);
            } else if (values[SRC] != null) {
                links.add(values[SRC]);
            }
            switch (tag) {
                case "h1" -> h1++;
                case "title" -> {
                    int end = indexOf(bytes, "</title", i);
                    title = end > i && !new String(bytes, i, end - i, StandardCharsets.UTF_8).isBlank();
                }
                case "meta" -> {
                    if ("refresh".equalsIgnoreCase(values[HTTP_EQUIV])) {
                        redirect = true;
                    }
                    if ("description".equals(values[NAME]) && values[CONTENT] != null && !values[CONTENT].isBlank()) {
                        description = true;
                    }
                }
                case "link" -> {
                    if ("canonical".equals(values[REL]) && values[HREF] != null && !values[HREF].isBlank()) {
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

    /** The attributes {@link #facts} reads, lower case, and their places in its value array. */
    private static final String[] WANTED = {"id", "href", "src", "http-equiv", "name", "content", "rel"};
    private static final int ID = 0;
    private static final int HREF = 1;
    private static final int SRC = 2;
    private static final int HTTP_EQUIV = 3;
    private static final int NAME = 4;
    private static final int CONTENT = 5;
    private static final int REL = 6;

    /** The tags {@link #facts} looks at, lower case. */
    private static final String[] TAGS = {"h1", "title", "meta", "link", "script", "style"};

    /** The place in {@link #WANTED} of the attribute name at {@code from..to} (any case), or -1. */
    private static int wanted(byte[] bytes, int from, int to) {
        for (int w = 0; w < WANTED.length; w++) {
            if (equalsIgnoreAsciiCase(bytes, from, to, WANTED[w])) {
                return w;
            }
        }
        return -1;
    }

    /** The tag name at {@code from..to} from {@link #TAGS}, or "" for any other tag. */
    private static String knownTag(byte[] bytes, int from, int to) {
        for (String tag : TAGS) {
            if (equalsIgnoreAsciiCase(bytes, from, to, tag)) {
                return tag;
            }
        }
        return "";
    }

    private static boolean equalsIgnoreAsciiCase(byte[] bytes, int from, int to, String lower) {
        if (to - from != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            byte b = bytes[from + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** HTML's white space between attributes: space, tab, line feed, form feed, carriage return. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r';
    }

    /** Bytes of tag and attribute names: ASCII letters, digits, '-', '_' and ':'. A table: asked of most bytes of a page's tags. */
    private static final boolean[] NAME_BYTES = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            NAME_BYTES[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == ':';
        }
    }

    private static boolean isNameByte(byte b) {
        return b >= 0 && NAME_BYTES[b];
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
        byte first = (byte) text.charAt(0);
        for (int i = nextByte(bytes, first, from); i >= 0 && i <= bytes.length - text.length();
             i = nextByte(bytes, first, i + 1)) {
            if (startsWith(bytes, i, text)) {
                return i;
            }
        }
        return -1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The index of the first {@code target} at or after {@code from}, or -1: eight bytes at a time
     * (a byte of the word XOR the target's pattern is zero where the target is; the lowest flagged
     * byte is the first, as a borrow only flags bytes above a zero one). Most of a page's bytes are
     * text between tags or the structured data script, which the scan only skips.
     */
    static int nextByte(byte[] bytes, byte target, int from) {
        long pattern = (target & 0xFFL) * ONES;
        int i = Math.max(0, from);
        int n = bytes.length;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            long zeros = (word - ONES) & ~word & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < n; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes {@code from} to {@code to} of an attribute value, as UTF-8 with the templates' entities resolved. */
    static String decode(byte[] bytes, int from, int to) {
        return unescape(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }

    /** The entities templates write in attribute values. */
    static String unescape(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
