package io.answersite.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewDigestTest {

    private final ViewDigest digest = new ViewDigest();

    private static Views.Card card(String title) {
        return new Views.Card(title, "Answer", "/answers/x/", "Text", null);
    }

    @Test
    void equalViewsHaveEqualDigestsAndAnyNestedChangeChangesIt() {
        Views.Listing listing = new Views.Listing("Answers", "All of them", "answer", List.of(card("A"), card("B")), null);
        byte[] same = digest.digest("list", new Views.Listing("Answers", "All of them", "answer",
                List.of(card("A"), card("B")), null));
        assertArrayEquals(digest.digest("list", listing), same);
        assertFalse(Arrays.equals(same, digest.digest("list", new Views.Listing("Answers", "All of them", "answer",
                List.of(card("A"), card("C")), null))), "a card's title");
        assertFalse(Arrays.equals(same, digest.digest("hub", listing)), "the template");
        assertFalse(Arrays.equals(digest.digest("t", List.of("ab", "c")), digest.digest("t", List.of("a", "bc"))),
                "values are length-prefixed");
        assertFalse(Arrays.equals(digest.digest("t", new SafeString("<b>x</b>")), digest.digest("t", "<b>x</b>")),
                "HTML is not text");
    }

    @Test
    void aViewHoldingAnythingButValuesFailsWithWhereItIs() {
        record Dated(String title, LocalDate date) {
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> digest.requireValue(Map.of("page", new Dated("x", LocalDate.of(2026, 1, 2)))));
        assertEquals("a view holds a java.time.LocalDate; views hold only records, strings, numbers, booleans, lists,"
                + " maps and SafeString HTML in date of Dated", error.getMessage());
    }

    /** Every component of every view record, through lists, is a type a digest can walk. */
    @Test
    void everyViewRecordHoldsOnlyValueTypes() {
        List<String> problems = new ArrayList<>();
        for (Class<?> view : Views.class.getDeclaredClasses()) {
            assertTrue(view.isRecord(), view.getSimpleName() + " is a record");
            for (RecordComponent component : view.getRecordComponents()) {
                if (!allowed(component.getGenericType())) {
                    problems.add(view.getSimpleName() + "." + component.getName() + ": " + component.getGenericType());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static boolean allowed(Type type) {
        if (type instanceof ParameterizedType generic) {
            return generic.getRawType() == List.class && allowed(generic.getActualTypeArguments()[0]);
        }
        Class<?> plain = (Class<?>) type;
        return plain.isRecord() || Set.of(String.class, SafeString.class, boolean.class, int.class, long.class,
                Boolean.class, Integer.class, Long.class).contains(plain);
    }
}
