package io.answersite.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.BuiltSites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queries people type, in Chinese, English and both, with typos, against the index this repository's
 * site ships: the page that answers each must be among the first three results.
 */
class GoldenQueriesTest {

    private static Path index(String language) {
        return BuiltSites.repositorySite().resolve("search/" + language);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            zh-cn | CORS 跨域               | /answers/network-connection-errors/
            zh-cn | CORS 报错               | /glossary/cors/
            zh-cn | 502 怎么办              | /answers/network-connection-errors/
            zh-cn | 504 超时                | /glossary/http-504/
            zh-cn | 503 服务不可用          | /glossary/http-503/
            zh-cn | base_url 配置           | /answers/openai-sdk-base-url/
            zh-cn | baseURL                 | /answers/openai-sdk-base-url/
            zh-cn | API Key 泄露            | /answers/api-key-leak/
            zh-cn | 密钥泄露怎么办          | /answers/api-key-leak/
            zh-cn | 轮换 key                | /answers/api-key-leak/
            zh-cn | NEXT_PUBLIC             | /answers/api-key-leak/
            zh-cn | 模型不存在              | /answers/model-not-found/
            zh-cn | model not found         | /answers/model-not-found/
            zh-cn | 模型调用错误            | /guides/model-errors/
            zh-cn | 429 限流                | /guides/model-errors/
            zh-cn | max_tokens 参数         | /guides/model-errors/
            zh-cn | 成本控制                | /answers/team-cost-control/
            zh-cn | 团队额度                | /answers/team-cost-control/
            zh-cn | DNS 解析失败            | /glossary/dns/
            zh-cn | ENOTFOUND               | /glossary/enotfound/
            zh-cn | ECONNRESET 连接重置     | /glossary/econnreset/
            zh-cn | ETIMEDOUT               | /glossary/etimedout/
            zh-cn | SSL 证书过期            | /glossary/tls-certificate/
            zh-cn | 反向代理                | /glossary/reverse-proxy/
            zh-cn | OpenAI 兼容网关         | /answers/openai-compatible-gateway/
            zh-cn | 网关是什么              | /answers/openai-compatible-gateway/
            zh-cn | 排查清单                | /checklists/network-troubleshooting/
            zh-cn | 网络连接排查手册        | /guides/network-troubleshooting/
            zh-cn | 浏览器直连              | /answers/network-connection-errors/
            zh-cn | 重试 幂等               | /guides/network-troubleshooting/
            zh-cn | corss                   | /glossary/cors/
            zh-cn | timout                  | /glossary/http-504/
            zh-cn | gatway                  | /glossary/openai-compatible-gateway/
            zh-cn | cerificate 证书         | /glossary/tls-certificate/
            en    | CORS error              | /en/answers/network-connection-errors/
            en    | connection failed 502   | /en/answers/network-connection-errors/
            en    | cross-origin            | /en/glossary/cors/
            en    | leaked api key          | /en/glossary/api-key/
            """)
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
        assertEquals(List.of("ａｂｃ".equals("abc") ? "" : "abc"), SearchTokenizer.tokens("ＡＢＣ"));
    }
}
