package org.airattack.stats.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.config.AirAttackConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches pages of the channel's web preview (or its feed): timeouts on connecting and on the whole answer, a
 * User-Agent that names the service, and backoff on 429 and 5xx that honours Retry-After. A wait
 * the channel asks for that is longer than {@link #MAX_WAIT} ends the poll instead of holding it;
 * the follower then leaves the channel alone until that time.
 */
@ApplicationScoped
public class ChannelClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** Tries of one page per poll: the first and two after a 429 or 5xx. */
    static final int ATTEMPTS = 3;
    /** The longest wait within a poll; the next poll is never far. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** Bodies of a page are around 100 KiB; anything far larger is not the preview. */
    static final int MAX_BODY = 4 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final String userAgent;

    public ChannelClient(AirAttackConfig config, @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.userAgent = "air-attack-stats/" + version + config.channel().contact().map(c -> " (+" + c.strip() + ")").orElse("");
    }

    /** The page's HTML. */
    public String fetch(URI uri) throws ChannelUnavailableException {
        return new String(fetch(uri, "text/html"), StandardCharsets.UTF_8);
    }

    /** The answer's bytes (a feed declares its own encoding). */
    public byte[] fetch(URI uri, String accept) throws ChannelUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", userAgent)
                .header("Accept", accept)
                .GET()
                .build();
        for (int attempt = 1;; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new ChannelUnavailableException(uri + " cannot be reached: " + describe(e), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChannelUnavailableException("interrupted while reading " + uri, null);
            }
            int status = response.statusCode();
            if (status == 200) {
                if (response.body().length > MAX_BODY) {
                    throw new ChannelUnavailableException(uri + " answered " + response.body().length + " bytes, not a page of the preview", null);
                }
                return response.body();
            }
            if (status != 429 && status < 500) {
                throw new ChannelUnavailableException(uri + " answered " + status, null);
            }
            Duration asked = retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            Duration wait = asked != null ? asked : Duration.ofSeconds(1L << (attempt - 1));
            if (attempt == ATTEMPTS || wait.compareTo(MAX_WAIT) > 0) {
                throw new ChannelUnavailableException(uri + " answered " + status + (asked == null ? "" : " with Retry-After "
                        + asked.toSeconds() + " s"), asked == null ? null : Instant.now().plus(asked));
            }
            sleep(wait);
        }
    }

    /** A Retry-After in seconds or as an HTTP date, as a wait from now; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private static void sleep(Duration wait) throws ChannelUnavailableException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailableException("interrupted while waiting to retry", null);
        }
    }
}
