package io.answersite.content;

import java.time.LocalDate;
import io.answersite.diagnostic.SourcePos;
import java.util.List;
import java.util.Map;

/**
 * The keys every page has.
 *
 * @param idPos where the id was given, or the start of the file when it comes from the file name
 * @param topic the topic id and where it was written; null when the page names none
 * @param author an author id from site.yml; null means the site's default author
 * @param updated null when never updated
 * @param review null when the page has no review cycle
 * @param keyPositions where each top-level key of the front matter was written
 */
public record Common(String title, String description, LocalDate date, LocalDate updated,
                     Located<String> author, List<String> tags, Located<String> topic, boolean draft,
                     List<Located<String>> aliases, Review review, Map<String, SourcePos> keyPositions) {

    public Common {
        keyPositions = KeyPositions.of(keyPositions);
    }

    /** Where {@code key} was written, or the start of the file when the page does not set it. */
    public SourcePos keyPos(String key, String sourcePath) {
        SourcePos pos = keyPositions.get(key);
        return pos != null ? pos : SourcePos.startOf(sourcePath);
    }

    /** The review cycle: who owns the page, when it was last reviewed and when it is next due. */
    public record Review(String owner, LocalDate reviewed, LocalDate next) {
    }

    /** The last change date: {@code updated}, or {@code date} when the page was never updated. */
    public LocalDate lastModified() {
        return updated != null ? updated : date;
    }
}
