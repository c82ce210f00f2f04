package org.airattack.stats.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The series columns write the JSON Jackson would write cell by cell: bytes (the raw path of the REST
 * layer and the read cache) and text (the generic path) must agree, whatever the column holds.
 */
class NumberColumnTest {

    private final ObjectMapper json = new ObjectMapper();

    private static NumberColumn counts(Long... values) {
        NumberColumn c = NumberColumn.counts(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                c.setCount(i, values[i]);
            }
        }
        return c;
    }

    private static NumberColumn ratios(Double... values) {
        NumberColumn c = NumberColumn.ratios(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                c.setRatio(i, values[i]);
            }
        }
        return c;
    }

    private String bytes(Object value) throws Exception {
        return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }

    @Test
    void countsWithUnknownsReadTheSameOnBothPaths() throws Exception {
        NumberColumn c = counts(null, 12L, 0L, null, -3L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE);
        assertEquals("[null,12,0,null,-3,2147483647,-2147483648]", bytes(c));
        assertEquals(bytes(c), json.writeValueAsString(c));
        assertEquals(Arrays.asList(null, 12L, 0L, null, -3L, 2147483647L, -2147483648L), new ArrayList<>(c));
    }

    @Test
    void aSumBeyondIntWidensTheColumnAndKeepsEveryValue() throws Exception {
        NumberColumn c = counts(7L, null, 5_000_000_000L, 1L);
        assertEquals("[7,null,5000000000,1]", bytes(c));
        assertEquals(bytes(c), json.writeValueAsString(c));
        assertEquals(5_000_000_000L, c.get(2));
        assertEquals(7L, c.get(0));
    }

    @Test
    void ratiosAsJacksonWritesDoubles() throws Exception {
        NumberColumn c = ratios(0.9508, null, 1.0, 0.0, 1.0E-4, 0.3333);
        assertEquals("[0.9508,null,1.0,0.0,1.0E-4,0.3333]", bytes(c));
        assertEquals(bytes(c), json.writeValueAsString(c));
    }

    @Test
    void columnsOfOneAnswerShareTheScratchBufferWithoutLeakingBytes() throws Exception {
        Long[] longer = new Long[500];
        for (int i = 0; i < longer.length; i++) {
            longer[i] = i % 3 == 0 ? null : 1_000_000L * i;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("a", counts(longer));
        answer.put("b", counts(1L, null));
        answer.put("c", ratios(0.5));
        answer.put("d", counts());
        String raw = bytes(answer);
        assertEquals(json.writeValueAsString(answer), raw);
        assertTrue(raw.endsWith("\"b\":[1,null],\"c\":[0.5],\"d\":[]}"), raw);
    }

    @Test
    void longRunsOfUnknownsReadTheSameOnBothPaths() throws Exception {
        for (int size : new int[] { 1, 255, 256, 257, 700, 1000 }) {
            Long[] onlyLast = new Long[size];
            onlyLast[size - 1] = 42L;
            Long[] middle = new Long[size];
            middle[size / 2] = 7L;
            for (NumberColumn c : List.of(counts(new Long[size]), counts(onlyLast), counts(middle))) {
                String raw = bytes(c);
                assertEquals(json.writeValueAsString(c), raw, "size " + size);
                assertEquals(size, json.readTree(raw).size(), "size " + size);
            }
        }
    }

    @Test
    void prettyPrintingTakesTheGenericPath() throws Exception {
        NumberColumn c = counts(1L, null);
        String pretty = json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("v", c));
        assertEquals(json.readTree(pretty), json.readTree(bytes(Map.of("v", c))));
    }

    @Test
    void notFiniteRatiosAreLeftToTheGenerator() throws Exception {
        NumberColumn c = ratios(Double.NaN, 0.5);
        assertEquals("[\"NaN\",0.5]", bytes(c));
    }

    @Test
    void flagsAreWrittenAsBooleans() throws Exception {
        BitSet set = new BitSet();
        set.set(1);
        FlagColumn flags = new FlagColumn(set, 3);
        assertEquals("[false,true,false]", bytes(flags));
        assertEquals(List.of(false, true, false), List.copyOf(flags));
    }
}
