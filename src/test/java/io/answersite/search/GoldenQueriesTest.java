package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.BuiltSites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Queries people type, in Chinese, English and both, with typos (src/test/resources/search/
 * golden-queries.csv), against the index this repository's site ships: the page that answers each
 * must be among the first three results. The browser tests run the same table through search.js.
 */
class GoldenQueriesTest {

    private static Path index(String language) {
        return BuiltSites.repositorySite().resolve("search/" + language);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/search/golden-queries.csv", delimiter = '|', ignoreLeadingAndTrailingWhitespace = true)
    void thePageThatAnswersIsInTheTopThree(String language, String query, String expected) {
        List<String> top = new SearchEngine(index(language)).search(query, 3).stream()
                .map(SearchEngine.Hit::url).toList();
        assertTrue(top.contains(expected), query + " gave " + top);
    }

    @Test
    void eachLanguageSearchesItsOwnPages() {
        assertTrue(new SearchEngine(index("en")).search("CORS", 10).stream().allMatch(h -> h.url().startsWith("/en/")));
        assertTrue(new SearchEngine(index("zh-cn")).search("CORS", 10).stream().noneMatch(h -> h.url().startsWith("/en/")));
    }

    @Test
    void glossarySynonymsAndTagsAreSearchTerms() {
        List<String> urls = new ArrayList<>();
        new SearchEngine(index("zh-cn")).search("跨域资源共享", 3).forEach(h -> urls.add(h.url()));
        assertEquals("/glossary/cors/", urls.get(0), urls.toString());
    }

    @Test
    void tokenizesChineseAsBigramsAndLatinAsFoldedWords() {
        assertEquals(List.of("cors", "跨域", "域请", "请求", "base_url", "base", "url", "504", "超"),
                SearchTokenizer.tokens("CORS 跨域请求 Base_URL 504超"));
        assertEquals(List.of("abc"), SearchTokenizer.tokens("ＡＢＣ"), "full-width letters fold to ASCII");
    }
}
