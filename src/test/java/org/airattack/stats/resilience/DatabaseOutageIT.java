package org.airattack.stats.resilience;

import static org.airattack.stats.support.Api.fixture;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.airattack.stats.support.PgCluster;
import org.airattack.stats.support.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the packaged service (a throwaway PostgreSQL cluster this test
 * creates, stops and starts): reads keep answering from memory, writes answer 503 with
 * Retry-After, readiness goes down and comes back by itself, and nothing accepted is lost.
 */
class DatabaseOutageIT {

    @Test
    void shouldKeepReadingRefuseWritesAndRecoverByItself() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (PgCluster cluster = PgCluster.create("airattack_outage", port);
                ServiceProcess service = ServiceProcess.start("outage", cluster.jdbcUrl(), Map.of())) {
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
            long first = Replica.writerOn(service).body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then()
                    .statusCode(201).extract().jsonPath().getLong("id");
            long second = Replica.writerOn(service).body(fixture("night-2025-05-23.json")).post("/api/v1/reports").then()
                    .statusCode(201).extract().jsonPath().getLong("id");

            cluster.stop();

            Replica.on(service).get("/api/v1/nights/2025-05-24").then().statusCode(200).body("totals.launched", is(264));
            Replica.on(service).get("/api/v1/summary").then().statusCode(200).body("latestNight.date", is("2025-05-24"));
            Replica.on(service).get("/api/v1/reports/" + first).then().statusCode(200);
            Instant before = Instant.now();
            Replica.writerOn(service).body(fixture("ru-mod-2025-05-23.json")).post("/api/v1/reports").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            Duration refusedIn = Duration.between(before, Instant.now());
            assertTrue(refusedIn.compareTo(Duration.ofSeconds(10)) < 0, "a write was refused in " + refusedIn);
            Replica.writerOn(service).body(fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": -250"))
                    .post("/api/v1/reports").then().statusCode(400);
            service.awaitStatus("/q/health/ready", 503, Duration.ofSeconds(20));
            Replica.on(service).get("/q/health/live").then().statusCode(200);

            cluster.start();

            Duration back = service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
            assertTrue(back.compareTo(Duration.ofSeconds(15)) < 0, "readiness came back " + back + " after the database");
            Replica.writerOn(service).body(fixture("ru-mod-2025-05-23.json")).post("/api/v1/reports").then().statusCode(201);
            Replica.on(service).get("/api/v1/reports/" + first).then().statusCode(200).body("revision", is(1));
            Replica.on(service).get("/api/v1/reports/" + second).then().statusCode(200);
            Replica.on(service).get("/api/v1/reports").then().body("total", is(3));
        }
    }
}
