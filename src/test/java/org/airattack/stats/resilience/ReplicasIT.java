package org.airattack.stats.resilience;

import static org.airattack.stats.support.Api.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.airattack.stats.support.ServiceProcess;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Two replicas of the packaged service on one database serve the same numbers within 2 s of a write on either. */
class ReplicasIT {

    static final Duration IN_STEP = Duration.ofSeconds(2);

    @Test
    void shouldServeTheSameNumbersOnEveryReplicaWithinTwoSecondsOfAWrite() {
        String db = TestDb.freshDatabase("it_replicas");
        try (ServiceProcess a = ServiceProcess.start("replica-a", db, Map.of());
                ServiceProcess b = ServiceProcess.start("replica-b", db, Map.of())) {
            Replica.on(b).get("/api/v1/nights/2025-05-24").then().statusCode(404);

            long id = Replica.writerOn(a).body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            Duration created = Replica.await(b, "/api/v1/nights/2025-05-24",
                    r -> r.statusCode() == 200 && r.jsonPath().getInt("totals.launched") == 264, Duration.ofSeconds(10));

            String corrected = fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": 260");
            Replica.writerOn(b).body(corrected).post("/api/v1/reports").then().statusCode(200);
            Duration revised = Replica.await(a, "/api/v1/nights/2025-05-24",
                    r -> r.statusCode() == 200 && r.jsonPath().getInt("totals.launched") == 274, Duration.ofSeconds(10));

            Replica.writerOn(a).delete("/api/v1/reports/" + id).then().statusCode(204);
            Duration retracted = Replica.await(b, "/api/v1/nights/2025-05-24", r -> r.statusCode() == 404, Duration.ofSeconds(10));

            assertTrue(created.compareTo(IN_STEP) <= 0, "a new report reached the other replica in " + created);
            assertTrue(revised.compareTo(IN_STEP) <= 0, "a revision reached the other replica in " + revised);
            assertTrue(retracted.compareTo(IN_STEP) <= 0, "a retraction reached the other replica in " + retracted);

            Replica.writerOn(b).body(fixture("night-2025-05-23.json")).post("/api/v1/reports").then().statusCode(201);
            Replica.await(a, "/api/v1/nights/latest", r -> r.statusCode() == 200, Duration.ofSeconds(10));
            var fromA = Replica.on(a).get("/api/v1/summary");
            var fromB = Replica.on(b).get("/api/v1/summary");
            assertEquals(fromA.header("ETag"), fromB.header("ETag"), "replicas tag the same data with the same ETag");
            assertEquals(withoutGeneratedAt(fromA.asString()), withoutGeneratedAt(fromB.asString()));
        }
    }

    private static Map<String, Object> withoutGeneratedAt(String json) {
        Map<String, Object> m = new java.util.HashMap<>(JsonPath.from(json).getMap(""));
        m.remove("generatedAt");
        return m;
    }
}
