package org.airattack.stats.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.report.ReportValidator;

/**
 * Refuses a {@code text/plain} body (an Air Force post) holding a character no stored text may hold
 * ({@link ReportValidator#textProblem}): the post reader quotes the post in the warnings it stores
 * with the report. A body larger than a post, or one not in its declared charset, is passed on for
 * the endpoint to refuse or to stream (a CSV import sent as text/plain checks its own cells).
 */
@Provider
public class PlainTextCheck implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !MediaType.TEXT_PLAIN_TYPE.isCompatible(type)) {
            return context.proceed();
        }
        InputStream body = context.getInputStream();
        byte[] head = body.readNBytes(AirForcePostResource.MAX_BODY + 1);
        if (head.length > AirForcePostResource.MAX_BODY) {
            context.setInputStream(new SequenceInputStream(new ByteArrayInputStream(head), body));
            return context.proceed();
        }
        context.setInputStream(new ByteArrayInputStream(head));
        decoded(head, type).ifPresent(PlainTextCheck::check);
        return context.proceed();
    }

    private static void check(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Optional<String> unfit = ReportValidator.textProblem(lines[i]);
            if (unfit.isPresent()) {
                throw new InvalidException("body", "line " + (i + 1) + " " + unfit.get());
            }
        }
    }

    private static Optional<String> decoded(byte[] bytes, MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            Charset charset = name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
