package io.answersite.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

    @Test
    void aliasesAreSafeFoldersInsideTheSite() {
        assertEquals(Optional.of("old/path/"), GraphBuilder.aliasFolder("/old/path/"));
        assertEquals(Optional.of("old/path/"), GraphBuilder.aliasFolder("/old/path"));
        assertEquals(Optional.of("旧/页面/"), GraphBuilder.aliasFolder("/旧/页面/"));
        for (String bad : new String[] {"/", "relative", "//host/x", "/a/../b", "/a/./b", "/a//b", "/a?b", "/a#b",
                "/a\\b", "/a b"}) {
            assertEquals(Optional.empty(), GraphBuilder.aliasFolder(bad), bad);
        }
    }
}
