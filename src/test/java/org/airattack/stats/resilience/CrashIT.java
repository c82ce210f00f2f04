package org.airattack.stats.resilience;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.airattack.stats.support.ServiceProcess;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.Test;

/** After kill -9 in the middle of a stream of writes, every report answered with 201 or 200 is there on restart. */
class CrashIT {

    @Test
    void shouldKeepEveryAcknowledgedReportThroughAKill() throws InterruptedException {
        String db = TestDb.freshDatabase("it_crash");
        try (ServiceProcess service = ServiceProcess.start("crash", db, Map.of())) {
            Map<Long, Integer> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger();
            Map<String, Integer> refused = new ConcurrentHashMap<>();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                writers.submit(() -> {
                    while (running.get()) {
                        int n = next.getAndIncrement();
                        LocalDate date = LocalDate.of(2024, 1, 1).plusDays(n);
                        String body = """
                                {"source": "ua-air-force", "externalId": "crash-%d", "windowStart": "%sT20:00",
                                 "windowEnd": "%sT08:00", "lines": [{"weapon": "Shahed-136/131", "launched": %d}]}"""
                                .formatted(n, date.minusDays(1), date, n % 500);
                        try {
                            var r = Replica.writerOn(service).body(body).post("/api/v1/reports");
                            if (r.statusCode() == 201 || r.statusCode() == 200) {
                                acknowledged.put(r.jsonPath().getLong("id"), n % 500);
                            } else {
                                refused.merge(r.statusCode() + " " + r.asString(), 1, Integer::sum);
                            }
                        } catch (Throwable connectionLost) {
                            refused.merge(connectionLost.toString(), 1, Integer::sum);
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            service.kill();
            running.set(false);
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
            assertTrue(acknowledged.size() > 10, "only " + acknowledged.size() + " writes were acknowledged before the kill; "
                    + "the others: " + refused);

            service.restart();
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
            for (Map.Entry<Long, Integer> e : acknowledged.entrySet()) {
                Replica.on(service).get("/api/v1/reports/" + e.getKey()).then().statusCode(200)
                        .body("lines[0].launched", is(e.getValue()));
            }
            int total = Replica.on(service).get("/api/v1/reports?size=1").then().extract().path("total");
            assertTrue(total >= acknowledged.size());
            int version = Replica.on(service).get("/api/v1/reports?size=1").then().extract().path("dataVersion");
            assertEquals(total, version, "every stored report took exactly one write");
        }
    }
}
