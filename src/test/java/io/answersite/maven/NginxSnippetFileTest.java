package io.answersite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.answersite.emit.NginxSnippet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxSnippetFileTest {

    @TempDir
    Path root;
    Path headers;
    Path redirects;
    Path snippet;
    Path stamp;

    @BeforeEach
    void site() throws Exception {
        headers = Files.writeString(root.resolve("_headers"), "/a/\n  X-Robots-Tag: noindex\n");
        redirects = Files.writeString(root.resolve("_redirects"), "/old/ /a/ 301\n");
        snippet = root.resolve("nginx/answersite.conf");
        stamp = root.resolve("cache/" + NginxSnippetFile.STAMP);
    }

    @Test
    void writesTheSnippetOnceWhileItsHeadersAndRedirectsStayTheSame() throws Exception {
        assertTrue(NginxSnippetFile.write(headers, redirects, snippet, stamp));
        assertEquals(NginxSnippet.of(Files.readString(headers), Files.readString(redirects)), Files.readString(snippet));
        FileTime written = Files.getLastModifiedTime(snippet);

        assertFalse(NginxSnippetFile.write(headers, redirects, snippet, stamp));
        assertEquals(written, Files.getLastModifiedTime(snippet));
    }

    @Test
    void writesTheSnippetAgainWhenTheHeadersOrRedirectsChange() throws Exception {
        NginxSnippetFile.write(headers, redirects, snippet, stamp);
        Files.writeString(redirects, "/older/ /a/ 301\n");

        assertTrue(NginxSnippetFile.write(headers, redirects, snippet, stamp));
        assertTrue(Files.readString(snippet).contains("location = \"/older/\""), Files.readString(snippet));
    }

    @Test
    void writesTheSnippetAgainWhenTheFileWasChangedOrDeletedSinceTheLastBuild() throws Exception {
        NginxSnippetFile.write(headers, redirects, snippet, stamp);
        String made = Files.readString(snippet);
        Files.writeString(snippet, "edited by hand\n");

        assertTrue(NginxSnippetFile.write(headers, redirects, snippet, stamp));
        assertEquals(made, Files.readString(snippet));

        Files.delete(snippet);
        assertTrue(NginxSnippetFile.write(headers, redirects, snippet, stamp));
        assertEquals(made, Files.readString(snippet));
    }

    @Test
    void withoutABuildCacheWritesTheSnippetEveryTimeAndLeavesNoTemporaryFile() throws Exception {
        assertTrue(NginxSnippetFile.write(headers, redirects, snippet, null));
        assertTrue(NginxSnippetFile.write(headers, redirects, snippet, null));
        assertFalse(Files.exists(stamp));
        try (var files = Files.list(snippet.getParent())) {
            assertEquals(1, files.count(), "only the snippet is left in its folder");
        }
    }
}
