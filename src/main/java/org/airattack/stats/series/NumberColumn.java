package org.airattack.stats.series;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.BitSet;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The values of one series, one per date, kept as primitives: a full-history series by weapon has
 * hundreds of thousands of cells, and boxing each of them would cost more than computing it. Sums are
 * kept as ints (a column widens to longs the first time a sum needs it). Reads as a list of numbers
 * (null for unknown) and is written to JSON straight from the arrays.
 */
@JsonSerialize(using = NumberColumn.Writer.class)
public final class NumberColumn extends AbstractList<Number> {

    private int[] counts;
    private long[] wideCounts;
    private final double[] ratios;
    private final BitSet known;
    private final int size;

    private NumberColumn(int size, boolean ratio) {
        this.size = size;
        this.counts = ratio ? null : new int[size];
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
        if (wideCounts != null) {
            wideCounts[i] = value;
        } else if (value == (int) value) {
            counts[i] = (int) value;
        } else {
            wideCounts = new long[size];
            for (int j = 0; j < size; j++) {
                wideCounts[j] = counts[j];
            }
            counts = null;
            wideCounts[i] = value;
        }
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
        if (ratios != null) {
            return ratios[i];
        }
        return wideCounts != null ? wideCounts[i] : (long) counts[i];
    }

    @Override
    public int size() {
        return size;
    }

    /** ",null" a few hundred times: a run of unknown values is one copy from it. */
    private static final byte[] NULLS = ",null".repeat(256).getBytes(StandardCharsets.US_ASCII);

    /** The most bytes one value takes: a long with its sign, or a double's shortest form, and a comma. */
    private static final int MAX_VALUE_BYTES = 26;

    /**
     * The column as a JSON array, into {@code scratch} (grown when too small); empty when a ratio is
     * not finite (the generator decides how to write those). Numbers are written exactly as Jackson
     * writes them ({@link NumberOutput}); runs of unknown values are copied as a whole.
     */
    Optional<RawJson> json(byte[][] scratch, boolean fastDoubles) {
        int bound = 2 + size * MAX_VALUE_BYTES;
        if (scratch[0] == null || scratch[0].length < bound) {
            scratch[0] = new byte[bound];
        }
        byte[] b = scratch[0];
        int n = 0;
        b[n++] = '[';
        int i = 0;
        while (i < size) {
            int next = known.nextSetBit(i);
            if (next < 0 || next > size) {
                next = size;
            }
            n = nulls(b, n, i, next - i);
            if (next == size) {
                break;
            }
            if (next > 0) {
                b[n++] = ',';
            }
            if (ratios != null) {
                if (!Double.isFinite(ratios[next])) {
                    return Optional.empty();
                }
                String text = NumberOutput.toString(ratios[next], fastDoubles);
                for (int k = 0; k < text.length(); k++) {
                    b[n++] = (byte) text.charAt(k); // ASCII: digits, '.', '-', 'E'
                }
            } else if (wideCounts != null) {
                n = NumberOutput.outputLong(wideCounts[next], b, n);
            } else {
                n = NumberOutput.outputInt(counts[next], b, n);
            }
            i = next + 1;
        }
        b[n++] = ']';
        return Optional.of(new RawJson(b, n));
    }

    /** Writes {@code count} nulls from index {@code first} on, each after a comma but the array's first. */
    private static int nulls(byte[] b, int n, int first, int count) {
        int from = first == 0 ? 1 : 0; // the array's first value has no comma before it
        int bytes = count * 5 - from;
        while (bytes > 0) {
            int chunk = Math.min(bytes, NULLS.length - from);
            System.arraycopy(NULLS, from, b, n, chunk);
            n += chunk;
            bytes -= chunk;
            from = 0;
        }
        return n;
    }

    /**
     * Writes the column as a JSON array of numbers and nulls, without boxing. To a UTF-8 generator
     * without pretty printing (the REST and cache path) the array goes as one raw value: a
     * full-history query writes hundreds of thousands of cells, and a generator call per cell was
     * half of its time.
     */
    @RegisterForReflection
    public static final class Writer extends StdSerializer<NumberColumn> {

        /** The per-call scratch buffer: one per serialisation, shared by all its columns. */
        private static final Object SCRATCH = new Object();

        public Writer() {
            super(NumberColumn.class);
        }

        @Override
        public void serialize(NumberColumn c, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (gen instanceof UTF8JsonGenerator && gen.getPrettyPrinter() == null
                    && !gen.isEnabled(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS)) {
                byte[][] scratch = (byte[][]) provider.getAttribute(SCRATCH);
                if (scratch == null) {
                    scratch = new byte[1][];
                    provider.setAttribute(SCRATCH, scratch);
                }
                Optional<RawJson> raw = c.json(scratch, gen.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER));
                if (raw.isPresent()) {
                    gen.writeRawValue(raw.get());
                    return;
                }
            }
            gen.writeStartArray(c, c.size);
            for (int i = 0; i < c.size; i++) {
                if (!c.known.get(i)) {
                    gen.writeNull();
                } else if (c.ratios != null) {
                    gen.writeNumber(c.ratios[i]);
                } else if (c.wideCounts != null) {
                    gen.writeNumber(c.wideCounts[i]);
                } else {
                    gen.writeNumber(c.counts[i]);
                }
            }
            gen.writeEndArray();
        }
    }
}
