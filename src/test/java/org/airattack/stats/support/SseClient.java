package org.airattack.stats.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;

/**
 * A Server-Sent Events client for the tests: reads {@code text/event-stream} line by line on its own
 * thread, as EventSource does (RFC-less, the WHATWG rules: {@code id:}, {@code event:}, {@code data:}
 * lines, a blank line ends an event, a line starting with a colon is a comment).
 */
public final class SseClient implements AutoCloseable {

    /** One event as received. */
    public record Received(String id, String event, String data, Instant at) {

        public JsonPath json() {
            return JsonPath.from(data);
        }
    }

    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final List<Instant> comments = new CopyOnWriteArrayList<>();
    private volatile String retry;
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to {@code baseUrl + path} with these request headers; returns once the answer's head has arrived. */
    public static SseClient connect(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new SseClient(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event, waiting at most {@code timeout}; null when none came. */
    public Received next(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** When each comment line (a heartbeat) arrived. */
    public List<Instant> comments() {
        return List.copyOf(comments);
    }

    /** The last {@code retry:} field received (the reconnection delay it asks for), or null. */
    public String retry() {
        return retry;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Received(id, event == null ? "message" : event, data.toString(), Instant.now()));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(Instant.now());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "retry" -> retry = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.interrupt();
    }
}
