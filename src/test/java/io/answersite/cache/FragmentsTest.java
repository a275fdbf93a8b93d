package io.answersite.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FragmentsTest {

    private final AtomicInteger made = new AtomicInteger();
    private final Object page = new Object();

    private String tokens() {
        return "tokens " + made.incrementAndGet();
    }

    @Test
    void aFragmentIsReusedWhileItsSourceIsTheSameRecordAndItsInputsAreEqual() {
        Fragments fragments = Fragments.kept();
        fragments.startBuild();
        assertEquals("tokens 1", fragments.get("search", "a", page, "inputs", this::tokens));
        fragments.endBuild();
        fragments.startBuild();
        assertEquals("tokens 1", fragments.get("search", "a", page, "inputs", this::tokens));
        assertEquals("tokens 2", fragments.get("search", "a", page, "other inputs", this::tokens));
        assertEquals("tokens 3", fragments.get("search", "a", new Object(), "other inputs", this::tokens),
                "another record of the same page");
    }

    @Test
    void aBuildDropsWhatItDidNotAskFor() {
        Fragments fragments = Fragments.kept();
        fragments.startBuild();
        fragments.get("search", "a", page, null, this::tokens);
        fragments.endBuild();
        fragments.startBuild();
        fragments.endBuild();
        fragments.startBuild();
        assertEquals("tokens 2", fragments.get("search", "a", page, null, this::tokens));
        assertEquals(1, fragments.size());
    }

    @Test
    void aRetainedFragmentOutlivesABuildThatDidNotAskForIt() {
        Fragments fragments = Fragments.kept();
        fragments.startBuild();
        fragments.get("search", "a", page, null, this::tokens);
        fragments.endBuild();
        fragments.startBuild();
        fragments.retain("search", "a");
        fragments.retain("search", "never made");
        fragments.endBuild();
        fragments.startBuild();
        assertEquals("tokens 1", fragments.get("search", "a", page, null, this::tokens));
        assertEquals(1, fragments.size(), "retaining what was never made makes nothing");
    }

    @Test
    void anEqualValueUnderTheSameNameIsHandedBackAsTheFirstInstance() {
        Fragments fragments = Fragments.kept();
        fragments.startBuild();
        List<String> first = List.of("site.yml", "strings");
        Same same = fragments.same("site-constants", first);
        fragments.endBuild();
        fragments.startBuild();
        Same again = fragments.same("site-constants", List.of("site.yml", "strings"));
        assertEquals(same, again, "equal values: the first instance, so the wrappers are equal");
        assertNotEquals(same, fragments.same("site-constants", List.of("site.yml", "other strings")));
        assertNotEquals(Fragments.none().same("a", first), Fragments.none().same("a", List.copyOf(
                new ArrayList<>(first))), "without kept fragments every value stands for itself");
    }

    @Test
    void fragmentsOfOneBuildOnlyAreMadeEveryTime() {
        Fragments fragments = Fragments.none();
        fragments.get("search", "a", page, null, this::tokens);
        fragments.retain("search", "a");
        assertEquals("tokens 2", fragments.get("search", "a", page, null, this::tokens));
    }
}
