package org.airattack.stats.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The channel's web preview for tests: a local HTTP server on a free port that answers each path
 * and query with a recorded page from {@code src/test/resources/channel/} (see its README), or with
 * answers queued before it (a 429 with Retry-After). It records every request. Pages are templates
 * whose dates and times are written relative to now when a page is set, so the posts stay within
 * the re-read window and their nights in the past whenever the tests run.
 */
public final class ChannelServer {

    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final String[] MONTHS = { "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
            "жовтня", "листопада", "грудня" };
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(day|ago|hm|rfc):(-?\\d+)}}");

    /** One answer to a request. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /** A request the server received. */
    public record Request(String target, Instant at, String userAgent) {
    }

    private final HttpServer server;
    private final Map<String, Answer> pages = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> queued = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** "Today" in Kyiv for every template and every assertion of a run, so midnight cannot split them. */
    private final LocalDate today = LocalDate.now(KYIV);

    private ChannelServer(HttpServer server) {
        this.server = server;
    }

    public static ChannelServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ChannelServer s = new ChannelServer(http);
            http.createContext("/", s::handle);
            http.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the channel's test server", e);
        }
    }

    public void stop() {
        server.stop(0);
    }

    /** What airattack.channel.base-url points at. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/s/";
    }

    /**
     * Answers {@code target} (path and query, {@code /s/kpszsu?before=82663}) with this page of the
     * channel (or its feed, a {@code .xml} resource), rendered now.
     */
    public void page(String target, String resource) {
        String type = resource.endsWith(".xml") ? "application/rss+xml; charset=utf-8" : "text/html; charset=utf-8";
        pages.put(target, new Answer(200, Map.of("Content-Type", type), render(Api.resource("channel/" + resource))));
    }

    /** Answers {@code target} once with this status and headers before its page. */
    public void once(String target, int status, Map<String, String> headers) {
        queued.computeIfAbsent(target, t -> new ArrayDeque<>()).add(new Answer(status, headers, "<html><body>" + status + "</body></html>"));
    }

    /** No page answers any more (404), no request is remembered. */
    public void clear() {
        pages.clear();
        queued.clear();
        requests.clear();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The date {@code offset} days from today in Kyiv. */
    public LocalDate date(int offset) {
        return today.plusDays(offset);
    }

    /** That date as the posts write it: "30 листопада". */
    public String day(int offset) {
        LocalDate d = date(offset);
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1];
    }

    private String render(String template) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(2));
            String value = switch (m.group(1)) {
                case "day" -> day(n);
                case "ago" -> now.minus(n, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                case "rfc" -> now.minus(n, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
                default -> now.minus(n, ChronoUnit.MINUTES).atZone(KYIV).format(DateTimeFormatter.ofPattern("HH:mm"));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(new Request(target, Instant.now(), exchange.getRequestHeaders().getFirst("User-Agent")));
        Deque<Answer> waiting = queued.get(target);
        Answer answer = waiting == null ? null : waiting.poll();
        if (answer == null) {
            answer = pages.getOrDefault(target, new Answer(404, Map.of(), "<html><body>not found</body></html>"));
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
