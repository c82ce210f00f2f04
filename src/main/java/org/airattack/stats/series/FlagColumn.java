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
 * One flag per date of a series (the {@code partial} list), kept as bits: most series have none set,
 * and an array of boxed booleans per series would be most of what a full-history query allocates.
 * Reads as a list of booleans and is written to JSON straight from the bits.
 */
@JsonSerialize(using = FlagColumn.Writer.class)
public final class FlagColumn extends AbstractList<Boolean> {

    private final BitSet set;
    private final int size;

    FlagColumn(BitSet set, int size) {
        this.set = set;
        this.size = size;
    }

    @Override
    public Boolean get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return set.get(i);
    }

    @Override
    public int size() {
        return size;
    }

    /** Writes the flags as a JSON array of booleans. */
    @RegisterForReflection
    public static final class Writer extends StdSerializer<FlagColumn> {

        public Writer() {
            super(FlagColumn.class);
        }

        @Override
        public void serialize(FlagColumn c, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(c, c.size);
            for (int i = 0; i < c.size; i++) {
                gen.writeBoolean(c.set.get(i));
            }
            gen.writeEndArray();
        }
    }
}
