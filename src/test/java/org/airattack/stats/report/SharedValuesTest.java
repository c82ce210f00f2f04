package org.airattack.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Equal values come back as the first object seen, of every type, however many are held; clearing forgets them. */
class SharedValuesTest {

    @Test
    void shouldGiveBackTheFirstEqualObjectThroughEveryGrowth() {
        SharedValues shared = new SharedValues();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String s = new String("https://t.me/kpszsu/" + i);
            first.add(s);
            assertSame(s, shared.of(s), "a new value is held as it is");
        }
        assertEquals(50_000, shared.size());
        for (int i = 0; i < 50_000; i++) {
            assertSame(first.get(i), shared.of(new String("https://t.me/kpszsu/" + i)), "value " + i + " after the table grew");
        }
        assertEquals(50_000, shared.size(), "equal values add nothing");
    }

    @Test
    void shouldKeepValuesOfDifferentTypesApartAndNullAsNull() {
        SharedValues shared = new SharedValues();
        LocalDate date = LocalDate.of(2025, 5, 24);
        assertSame(date, shared.of(date));
        assertSame(date, shared.of(LocalDate.parse("2025-05-24")));
        assertEquals("2025-05-24", shared.of(new String("2025-05-24")), "a string equal to a date's text is not the date");
        List<String> warnings = List.of("a", "b");
        assertSame(warnings, shared.of(warnings));
        assertSame(warnings, shared.of(new ArrayList<>(warnings)), "equal lists are one list");
        assertNull(shared.of(null));
        assertEquals(3, shared.size());
    }

    @Test
    void shouldForgetEveryValueWhenCleared() {
        SharedValues shared = new SharedValues();
        String before = new String("Ukraine");
        shared.of(before);
        shared.clear();
        assertEquals(0, shared.size());
        String after = new String("Ukraine");
        assertNotSame(before, shared.of(after));
        assertSame(after, shared.of(new String("Ukraine")));
    }
}
