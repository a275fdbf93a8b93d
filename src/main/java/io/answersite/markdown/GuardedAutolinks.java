package io.answersite.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.jetbrains.annotations.NotNull;

/**
 * Flexmark's autolink extension ({@code AutolinkExtension}: bare URLs, {@code www.} addresses and
 * e-mail addresses become links), asked only about text that could hold one. The extension runs a
 * link scanner and a regular expression over every text node of a page, most of which (Chinese
 * prose) holds no {@code :}, {@code @} or {@code www}; that was a fifth of the Markdown
 * samples of a clean build (JFR, default 10,000-page corpus). A node
 * without any of them, or an {@code &} that an entity could turn into one, and not followed by an
 * entity the extension would join to it, cannot give a link, so skipping it changes nothing.
 */
final class GuardedAutolinks implements Parser.ParserExtension {

    static GuardedAutolinks create() {
        return new GuardedAutolinks();
    }

    private GuardedAutolinks() {
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** Whether unescaped {@code chars} could hold a link the extension finds: a URL, a www. address or an e-mail address. */
    static boolean mayHoldLink(CharSequence chars) {
        for (int i = 0, n = chars.length(); i < n; i++) {
            char c = chars.charAt(i);
            if (c == ':' || c == '@' || c == '&') {
                return true;
            }
            if ((c == 'w' || c == 'W') && i + 2 < n && (chars.charAt(i + 1) | 0x20) == 'w'
                    && (chars.charAt(i + 2) | 0x20) == 'w') {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {

        Factory() {
            super(false);
            addNodes(Text.class); // as the extension's own factory registers itself
        }

        @NotNull
        @Override
        public NodePostProcessor apply(@NotNull Document document) {
            return new Guarded(document);
        }
    }

    private static final class Guarded extends NodePostProcessor {

        private final Document document;
        private AutolinkNodePostProcessor autolinks;

        Guarded(Document document) {
            this.document = document;
        }

        @Override
        public void process(@NotNull NodeTracker state, @NotNull Node node) {
            Node next = node.getNext();
            if (next instanceof TypographicText || next instanceof HtmlEntity || mayHoldLink(node.getChars())) {
                if (autolinks == null) {
                    autolinks = new AutolinkNodePostProcessor(document);
                }
                autolinks.process(state, node);
            }
        }
    }
}
