package org.airattack.stats.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.ServiceProcess;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.Test;

/**
 * Memory stays flat under any number of distinct queries (issue 14, item 1): the packaged service,
 * run with the container image's JVM options, takes thousands of anonymous requests with big
 * distinct keys — unknown paths, junk parameters on real routes, 15 KB Accept headers — and then
 * still answers quickly and stays healthy. Before the fix, 2,122 of them ended in OutOfMemoryError.
 */
class ReadCacheMemoryIT {

    private static final int REQUESTS = 4_000;

    @Test
    void shouldStayHealthyAfterThousandsOfDistinctBigKeyRequests() throws Exception {
        String db = TestDb.freshDatabase("it_read_cache_memory");
        try (ServiceProcess service = ServiceProcess.start("read-cache-memory", db, Map.of(), ServiceProcess.imageJvmOptions())) {
            // HTTP/1.1 as the probe sent them (an h2c upgrade refuses 15 KB headers before the service sees them)
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .build();
            int created = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/reports"))
                    .header("Authorization", basic()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.fixture("night-2025-05-24.json"))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(201, created);

            String padding = "a".repeat(3_900);
            String accept = "application/json;" + "x=" + "b".repeat(15_000);
            AtomicInteger serverErrors = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String path = switch (i % 3) {
                    case 0 -> "/api/v1/x" + i + "?" + padding;
                    case 1 -> "/api/v1/summary?junk" + i + "=" + padding;
                    default -> "/api/v1/series?groupBy=category&junk=" + i;
                };
                sent.add(pool.submit(() -> {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                            .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() >= 500) {
                        serverErrors.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            pool.shutdown();
            assertEquals(0, serverErrors.get(), "no request of the flood got a 5xx");

            long started = System.nanoTime();
            HttpResponse<String> summary = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/summary"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, summary.statusCode());
            assertTrue(summary.body().contains("\"source\":\"ua-air-force\""), summary.body());
            assertTrue(millis < 2_000, "the summary answered in " + millis + " ms after the flood");
            assertEquals(200, service.status("/widget/"));
            assertEquals(200, service.status("/q/health/live"));
            assertEquals(200, service.status("/q/health/ready"));
            assertFalse(log().contains("OutOfMemoryError"), "the service's log mentions an OutOfMemoryError");
        }
    }

    private static String log() throws IOException {
        Path log = Path.of("target", "read-cache-memory.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String basic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (ServiceProcess.WRITER + ":" + ServiceProcess.WRITER_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
