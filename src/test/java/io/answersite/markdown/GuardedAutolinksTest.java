package io.answersite.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedAutolinksTest {

    /** Texts with and without links, links made of entities and escapes, links run into CJK, and none. */
    private static final List<String> TEXTS = List.of(
            "请求失败时先看 https://api.example.com/v1/chat 的状态。",
            "See www.example.com and WWW.Example.org, or Www.x.io.",
            "Mail ops@example.com or write to a&#64;b.com.",
            "Escaped: https\\://example.com and www\\.example.com and x\\@y.org",
            "Entity colon: https&#58;//example.com/path and &colon; alone",
            "A scheme alone: ftp:// and mailto: here, and a time 10:30.",
            "Typographic -- quotes \"here\" and http://after.example.com",
            "**bold https://bold.example.com** and `code https://code.example.com`",
            "[a link https://inner.example.com](https://outer.example.com) <https://angle.example.com>",
            "纯中文的段落，没有任何链接，也没有冒号或邮箱。",
            "| a | b |\n|---|---|\n| https://cell.example.com | plain |",
            "- item with w.w.w and ww and wwwx\n- item user @ host",
            "Text&amp;more www&period;example&period;com");

    @Test
    void linksExactlyWhatFlexmarksAutolinkExtensionLinks() {
        for (String text : TEXTS) {
            assertEquals(html(AutolinkExtension.create(), text), html(GuardedAutolinks.create(), text), text);
        }
    }

    @Test
    void textWithoutColonAtSignAmpersandOrWwwIsNeverHandedToTheExtension() {
        assertFalse(GuardedAutolinks.mayHoldLink("纯中文的段落，没有任何链接。"));
        assertFalse(GuardedAutolinks.mayHoldLink("w.w.w and ww"));
        assertTrue(GuardedAutolinks.mayHoldLink("see wWw.example.com"));
        assertTrue(GuardedAutolinks.mayHoldLink("a:b"));
        assertTrue(GuardedAutolinks.mayHoldLink("a@b"));
        assertTrue(GuardedAutolinks.mayHoldLink("a&#64;b"));
    }

    private static String html(Extension autolinks, String text) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(), autolinks));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(text));
    }
}
