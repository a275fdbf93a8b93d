package io.answersite.check;

import java.util.List;
import java.util.Set;

/**
 * What the checks read from one page: its ids, its href and src values in order, and what it lacks;
 * kept instead of the page's bytes to keep memory small.
 */
record PageFacts(Set<String> ids, List<String> links, List<String> problems) {

    PageFacts {
        ids = SortedIds.of(ids);
    }
}
