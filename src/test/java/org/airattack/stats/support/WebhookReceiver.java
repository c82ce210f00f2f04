package org.airattack.stats.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.airattack.stats.common.HmacSha256;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for the tests (the JDK's HTTP server): records every request with its headers
 * and raw body, checks its HMAC-SHA256 signature, and answers the statuses it is told to, in order
 * (then 200).
 */
public final class WebhookReceiver {

    public static final String SECRET = "test-webhook-secret";

    /** One request as received. */
    public record Delivery(String eventId, String event, String signature, String timestamp, String body, boolean signed,
            int answered, Instant at) {
    }

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests are answered with these statuses, in order; after them, 200. */
    public synchronized void answer(Integer... codes) {
        statuses.clear();
        statuses.addAll(List.of(codes));
    }

    public List<Delivery> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
        answer();
    }

    /** True when the header is {@code sha256=} and the hex HMAC-SHA256 of the raw body under the secret. */
    public static boolean verify(String header, byte[] body) {
        return header != null && java.security.MessageDigest.isEqual(header.getBytes(StandardCharsets.US_ASCII),
                ("sha256=" + HmacSha256.hex(SECRET.getBytes(StandardCharsets.UTF_8), body)).getBytes(StandardCharsets.US_ASCII));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int status;
        synchronized (this) {
            status = statuses.isEmpty() ? 200 : statuses.poll();
        }
        var h = exchange.getRequestHeaders();
        String signature = h.getFirst("X-AirAttack-Signature");
        received.add(new Delivery(h.getFirst("X-AirAttack-Event-Id"), h.getFirst("X-AirAttack-Event"), signature,
                h.getFirst("X-AirAttack-Timestamp"), new String(body, StandardCharsets.UTF_8), verify(signature, body), status,
                Instant.now()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    public void stop() {
        server.stop(0);
    }

    /** The configuration of a hook named {@code test} that gets night and correction events here, retried fast. */
    public Map<String, String> config() {
        return Map.of("airattack.webhooks.test.url", url(),
                "airattack.webhooks.test.secret", SECRET,
                "airattack.webhooks.test.events", "night,correction",
                "airattack.events.webhook-backoff", "PT0.2S",
                "airattack.events.webhook-attempts", "4");
    }
}
