package org.airattack.stats.series;

import java.io.IOException;
import java.util.AbstractList;
import java.util.BitSet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The values of one series, one per date, kept as primitives: a full-history series by weapon has
 * hundreds of thousands of cells, and boxing each of them would cost more than computing it. Reads
 * as a list of numbers (null for unknown) and is written to JSON straight from the arrays.
 */
@JsonSerialize(using = NumberColumn.Writer.class)
public final class NumberColumn extends AbstractList<Number> {

    private final long[] counts;
    private final double[] ratios;
    private final BitSet known;
    private final int size;

    private NumberColumn(int size, boolean ratio) {
        this.size = size;
        this.counts = ratio ? null : new long[size];
        this.ratios = ratio ? new double[size] : null;
        this.known = new BitSet(size);
    }

    /** A column of sums (whole numbers). */
    static NumberColumn counts(int size) {
        return new NumberColumn(size, false);
    }

    /** A column of ratios. */
    static NumberColumn ratios(int size) {
        return new NumberColumn(size, true);
    }

    void setCount(int i, long value) {
        counts[i] = value;
        known.set(i);
    }

    void setRatio(int i, double value) {
        ratios[i] = value;
        known.set(i);
    }

    @Override
    public Number get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        if (!known.get(i)) {
            return null;
        }
        return counts != null ? (Number) counts[i] : (Number) ratios[i];
    }

    @Override
    public int size() {
        return size;
    }

    /** Writes the column as a JSON array of numbers and nulls, without boxing. */
    @RegisterForReflection
    public static final class Writer extends StdSerializer<NumberColumn> {

        public Writer() {
            super(NumberColumn.class);
        }

        @Override
        public void serialize(NumberColumn c, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(c, c.size);
            for (int i = 0; i < c.size; i++) {
                if (!c.known.get(i)) {
                    gen.writeNull();
                } else if (c.counts != null) {
                    gen.writeNumber(c.counts[i]);
                } else {
                    gen.writeNumber(c.ratios[i]);
                }
            }
            gen.writeEndArray();
        }
    }
}
