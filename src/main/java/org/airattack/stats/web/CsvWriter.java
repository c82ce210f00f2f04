package org.airattack.stats.web;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

/** Writes one kind of read answer as {@code text/csv}, the table {@link CsvTables} makes of it. */
abstract class CsvWriter<T> implements MessageBodyWriter<T> {

    private final Class<T> type;
    private final Function<T, byte[]> table;

    CsvWriter(Class<T> type, Function<T, byte[]> table) {
        this.type = type;
        this.table = table;
    }

    @Override
    public boolean isWriteable(Class<?> candidate, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isAssignableFrom(candidate);
    }

    @Override
    public void writeTo(T answer, Class<?> candidate, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(table.apply(answer));
    }
}
