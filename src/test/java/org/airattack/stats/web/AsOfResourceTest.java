package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.asWriter;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.airattack.stats.report.piterfm.PiterfmImportTest;
import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * {@code asOf} on the nights, the series and the summary: each answer is what the service answered
 * at that instant, before and after a revision, a retraction, a revival and a re-import of the
 * dataset; bad instants are refused; an answer for a settled instant is immutable.
 */
@QuarkusTest
class AsOfResourceTest {

    private static final String NIGHT = "/api/v1/nights/2025-05-24";

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    private static String night(int launched) {
        return Api.fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": " + launched);
    }

    static String recordedAt(long id, int revision) {
        return given().get("/api/v1/reports/" + id + "/revisions").then().statusCode(200).extract()
                .path("find { it.revision == " + revision + " }.recordedAt");
    }

    /** Retracts the report; returns when. */
    static String retract(long id) {
        asWriter().delete("/api/v1/reports/" + id).then().statusCode(204);
        return given().get("/api/v1/reports/" + id).then().statusCode(200).extract().path("retractedAt");
    }

    static String before(String instant) {
        return Instant.parse(instant).minusNanos(1_000).toString();
    }

    /** The night's totals as answered, now or as of an instant. */
    private static Map<String, Object> totals(String asOf) {
        return (asOf == null ? given() : given().queryParam("asOf", asOf)).get(NIGHT).then().statusCode(200).extract().path("totals");
    }

    @Test
    void shouldAnswerEachInstantWithTheRevisionRecordedByThen() {
        long id = Api.post("night-2025-05-24.json");
        Map<String, Object> first = totals(null);
        String firstAt = recordedAt(id, 1);
        asWriter().body(night(300)).put("/api/v1/reports/" + id).then().statusCode(200).body("revision", is(2));
        Map<String, Object> second = totals(null);
        String secondAt = recordedAt(id, 2);
        assertNotEquals(first, second);

        assertEquals(first, totals(firstAt));
        assertEquals(first, totals(before(secondAt)));
        assertEquals(second, totals(secondAt));
        given().queryParam("asOf", firstAt).get(NIGHT).then().statusCode(200)
                .body("asOf", is(firstAt))
                .body("reports[0].revision", is(1));
        given().get(NIGHT).then().body("asOf", nullValue()).body("reports[0].revision", is(2));

        given().queryParam("asOf", firstAt).get("/api/v1/nights/latest").then().statusCode(200)
                .body("totals.launched", is(first.get("launched"))).body("asOf", is(firstAt));
        given().queryParam("asOf", firstAt).get("/api/v1/nights").then().statusCode(200)
                .body("nights[0].totals.launched", is(first.get("launched"))).body("asOf", is(firstAt));
        given().queryParam("asOf", firstAt).get("/api/v1/series").then().statusCode(200)
                .body("dates[0]", is("2025-05-24"))
                .body("series.find { it.measure == 'launched' }.values[0]", is(first.get("launched")))
                .body("asOf", is(firstAt));
        given().queryParam("asOf", firstAt).get("/api/v1/summary").then().statusCode(200)
                .body("latestNight.totals.launched", is(first.get("launched"))).body("asOf", is(firstAt));
        given().queryParam("asOf", secondAt).get("/api/v1/summary").then().statusCode(200)
                .body("latestNight.totals.launched", is(second.get("launched")));
    }

    @Test
    void shouldAnswerAnInstantBeforeTheFirstReportWithNothing() {
        long id = Api.post("night-2025-05-24.json");
        String earlier = before(recordedAt(id, 1));

        given().queryParam("asOf", earlier).get(NIGHT).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("as of " + earlier));
        given().queryParam("asOf", earlier).get("/api/v1/nights/latest").then().statusCode(404);
        given().queryParam("asOf", earlier).get("/api/v1/nights").then().statusCode(200).body("nights", empty());
        given().queryParam("asOf", earlier).get("/api/v1/series").then().statusCode(200).body("dates", empty());
        given().queryParam("asOf", earlier).get("/api/v1/summary").then().statusCode(200).body("latestNight", nullValue());
        given().get(NIGHT).then().statusCode(200);
    }

    @Test
    void shouldApplyARetractionOnlyFromItsInstantAndARevivalFromItsOwn() {
        long id = Api.post("night-2025-05-24.json");
        Map<String, Object> published = totals(null);
        String retractedAt = retract(id);
        given().get(NIGHT).then().statusCode(404);

        assertEquals(published, totals(before(retractedAt)));
        given().queryParam("asOf", retractedAt).get(NIGHT).then().statusCode(404);

        // posted again: active again, as a new revision; the retraction in between stays in the history
        asWriter().body(night(300)).post("/api/v1/reports").then().statusCode(200).body("revision", is(2)).body("status", is("active"));
        Map<String, Object> revived = totals(null);
        String revivedAt = recordedAt(id, 2);

        assertEquals(published, totals(before(retractedAt)));
        given().queryParam("asOf", before(revivedAt)).get(NIGHT).then().statusCode(404);
        assertEquals(revived, totals(revivedAt));
    }

    @Test
    void shouldAnswerAsOfBeforeADatasetReimportWithTheRowsAsTheyWere() {
        String edition = PiterfmImportTest.csv("edition-2026-06.csv");
        PiterfmImportTest.importCsv(edition, "").statusCode(200);
        Map<String, Object> imported = totals(null);
        long id = given().get(NIGHT).then().extract().jsonPath().getLong("reports[0].id");
        String importedAt = recordedAt(id, 1);

        PiterfmImportTest.importCsv(edition.replace(
                "2025-05-23 20:30,2025-05-24 08:30,Iskander-M/KN-23,Crimea and Bryansk oblast and Taganrog and Yeysk,Ukraine,,14.0,6.0",
                "2025-05-23 20:30,2025-05-24 08:30,Iskander-M/KN-23,Crimea and Bryansk oblast and Taganrog and Yeysk,Ukraine,,14.0,7.0"), "")
                .statusCode(200).body("reports.revised", is(1));
        Map<String, Object> reissued = totals(null);
        assertNotEquals(imported, reissued);

        assertEquals(imported, totals(importedAt));
        assertEquals(imported, totals(before(recordedAt(id, 2))));
        assertEquals(reissued, totals(recordedAt(id, 2)));
    }

    @Test
    void shouldRefuseAnInstantItCannotReadNamingTheParameter() {
        for (String bad : new String[] { "yesterday", "2025-05-24", "2025-05-24T09:00", "2025-13-01T00:00Z", "1999-12-31T23:00Z" }) {
            given().queryParam("asOf", bad).get(NIGHT).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("asOf"));
        }
        String future = Instant.now().plus(Duration.ofHours(1)).toString();
        for (String path : new String[] { NIGHT, "/api/v1/nights", "/api/v1/nights/latest", "/api/v1/series", "/api/v1/summary" }) {
            given().queryParam("asOf", future).get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("asOf"))
                    .body("errors[0].message", containsString("future"));
        }
        given().get(NIGHT + "?asOf=2025-06-01T00:00Z&asOf=2025-06-02T00:00Z").then().statusCode(400).body("errors[0].field", is("asOf"));
    }

    @Test
    void shouldReadAnOffsetWhosePlusSignWasNotEncoded() {
        Api.post("night-2025-05-24.json");
        String now = Instant.now().atOffset(java.time.ZoneOffset.ofHours(3)).toString();
        given().urlEncodingEnabled(false).get(NIGHT + "?asOf=" + now).then().statusCode(200)
                .body("totals.launched", is(totals(null).get("launched")));
    }

    @Test
    void shouldSendAnAnswerForASettledInstantAsImmutableWhateverTheDataVersion() throws InterruptedException {
        long id = Api.post("night-2025-05-24.json");
        String asOf = recordedAt(id, 1);
        // the test profile settles an instant once the read model has been in step two seconds after it (it checks every second)
        Thread.sleep(Duration.between(Instant.now(), Instant.parse(asOf).plusMillis(3_500)).toMillis());

        ExtractableResponse<Response> first = given().queryParam("asOf", asOf).get(NIGHT).then().statusCode(200)
                .header("Cache-Control", is(ReadFastPath.IMMUTABLE)).extract();
        String etag = first.header("ETag");
        asWriter().body(night(300)).put("/api/v1/reports/" + id).then().statusCode(200);
        Api.post("night-2025-05-23.json");

        ExtractableResponse<Response> again = given().queryParam("asOf", asOf).get(NIGHT).then().statusCode(200)
                .header("Cache-Control", is(ReadFastPath.IMMUTABLE)).header("ETag", is(etag)).extract();
        assertEquals(first.jsonPath().getMap("totals"), again.jsonPath().getMap("totals"));
        given().queryParam("asOf", asOf).header("If-None-Match", etag).get(NIGHT).then().statusCode(304)
                .header("Cache-Control", is(ReadFastPath.IMMUTABLE));

        // an instant not yet settled, and no instant at all, are cached like any read
        given().queryParam("asOf", Instant.now().toString()).get(NIGHT).then().statusCode(200)
                .header("Cache-Control", not(containsString("immutable")));
        given().get(NIGHT).then().statusCode(200).header("Cache-Control", not(containsString("immutable")));
    }
}
