package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What an attacker tried against the read fast path (issue 14, items 2–4 and 6–9), each reproduced:
 * one client's request must never change what the next client gets, preconditions answer only for
 * what exists, and dates are what HTTP says they are.
 */
@QuarkusTest
class ReadPathAttackTest {

    private static final String NIGHTS = "/api/v1/nights?from=2024-01-07";

    @Inject
    ReadCache cache;

    @BeforeEach
    void seedArticle() {
        TestDb.reset();
        Api.post("night-2025-05-24.json");
        Api.post("night-2025-05-23.json");
    }

    @Test
    void shouldNotLetAnUpperCaseAcceptPoisonTheJsonAnswer() {
        given().header("Accept", "TEXT/CSV").get(NIGHTS).then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("date,"));
        given().header("Accept", "application/json").get(NIGHTS).then().statusCode(200).contentType(ContentType.JSON)
                .body("source", is("ua-air-force"));
        given().get(NIGHTS).then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void shouldNegotiateWithQualityValuesAsTheRestLayerDoes() {
        given().header("Accept", "text/csv;q=0, application/json").get(NIGHTS).then().statusCode(200).contentType(ContentType.JSON);
        given().header("Accept", "application/json;q=0.5, text/csv").get(NIGHTS).then().statusCode(200)
                .contentType(startsWith("text/csv"));
        given().header("Accept", "application/json;q=0.5, text/csv").get(NIGHTS).then().statusCode(200)
                .contentType(startsWith("text/csv"));
        given().header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").get(NIGHTS).then().statusCode(200)
                .contentType(ContentType.JSON);
        given().header("Accept", "text/csv;q=0").get(NIGHTS).then().statusCode(406).contentType("application/problem+json");
        given().header("Accept", "text/csv;q=0, application/json;q=0").get(NIGHTS).then().statusCode(406);
        given().header("Accept", "application/openmetrics-text").get("/api/v1/export/openmetrics").then().statusCode(200)
                .contentType(startsWith("application/openmetrics-text"));
        given().get(NIGHTS).then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void shouldRefuseARepeatedFormatInsteadOfPoisoningThePlainUrl() {
        for (String query : new String[] { "&format=csv&format=json", "&format=json&format=csv" }) {
            given().get(NIGHTS + query).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("format")).header("Cache-Control", is("no-cache"));
            given().get(NIGHTS).then().statusCode(200).contentType(ContentType.JSON);
            given().get(NIGHTS + "&format=csv").then().statusCode(200).contentType(startsWith("text/csv"));
        }
        given().get(NIGHTS + "&format=xml").then().statusCode(400).body("errors[0].field", is("format"));
    }

    @Test
    void shouldRefuseRepeatedSingleValuedParameters() {
        long computed = cache.computed();
        given().get("/api/v1/summary?source=ru-mod&source=ua-air-force").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("source"))
                .body("errors[0].message", containsString("given 2 times"));
        given().get("/api/v1/summary?source=ua-air-force&source=ru-mod").then().statusCode(400);
        assertEquals(computed, cache.computed(), "nothing was computed or kept for them");
        given().get("/api/v1/summary?source=ru-mod").then().statusCode(200).body("source", is("ru-mod"));
        given().get("/api/v1/summary?source=ua-air-force").then().statusCode(200).body("source", is("ua-air-force"));
    }

    @Test
    void shouldAnswerPreconditionsOnlyForAnAnswerThatExists() {
        given().header("If-None-Match", "*").get("/api/v1/nonexistent").then().statusCode(404);
        given().header("If-None-Match", "*").get("/api/v1/nights/2099-01-01").then().statusCode(404);
        String future = ReadFastPath.httpDate(Instant.now().plusSeconds(86_400));
        given().header("If-Modified-Since", future).get("/api/v1/series?from=garbage").then().statusCode(400);
        given().header("If-Modified-Since", future).get("/api/v1/nights/2099-01-01").then().statusCode(404);
        given().header("If-None-Match", "*").get("/api/v1/nights/2025-05-24").then().statusCode(304);
        given().header("If-None-Match", "*").get("/api/v1/nights/2025-05-24").then().statusCode(304);
    }

    @Test
    void shouldNotAnswer304ToIfModifiedSinceWhenTheDataChangedTwiceInThatSecond() {
        String night = "/api/v1/nights/2025-05-24";
        for (int attempt = 0; attempt < 20; attempt++) {
            TestDb.reset();
            Api.post("night-2025-05-24.json");
            String first = given().get(night).then().statusCode(200).extract().header("Last-Modified");
            String revised = Api.fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": 251");
            Api.asWriter().body(revised).post("/api/v1/reports").then().statusCode(200);
            String second = given().get(night).then().statusCode(200).body("totals.launched", is(265)).extract()
                    .header("Last-Modified");
            if (first.equals(second)) {
                // both states share one HTTP second: a client holding the first cannot be told "not modified"
                given().header("If-Modified-Since", first).get(night).then().statusCode(200).body("totals.launched", is(265));
                given().header("If-Modified-Since", first).get(night).then().statusCode(200);
                return;
            }
        }
        throw new AssertionError("two writes never landed within one second in 20 attempts");
    }

    @Test
    void shouldStillAnswer304ToIfModifiedSinceOnceTheDataIsSettled() {
        String night = "/api/v1/nights/2025-05-23";
        String modified = given().get(night).then().statusCode(200).extract().header("Last-Modified");
        TestDb.reset();
        Api.post("night-2025-05-24.json");
        Api.post("night-2025-05-23.json");
        String now = given().get(night).then().statusCode(200).extract().header("Last-Modified");
        given().header("If-Modified-Since", ReadFastPath.httpDate(Instant.now().plusSeconds(5))).get(night).then().statusCode(304);
        assertTrue(modified.endsWith("GMT") && now.endsWith("GMT"));
    }

    @Test
    void shouldWriteLastModifiedAsAnImfFixdate() {
        assertEquals("Tue, 01 Dec 2026 09:05:03 GMT", ReadFastPath.httpDate(Instant.parse("2026-12-01T09:05:03.250Z")));
        assertEquals("Sat, 09 May 2026 23:59:59 GMT", ReadFastPath.httpDate(Instant.parse("2026-05-09T23:59:59Z")));
        String header = given().get("/api/v1/summary").then().statusCode(200).extract().header("Last-Modified");
        assertTrue(header.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), header);
    }

    @Test
    void shouldAnswerEveryOriginWithAStarSoThatACdnKeepsOneAnswer() {
        String series = "/api/v1/series?groupBy=category";
        for (String origin : new String[] { "https://news.example.org", "https://other.example.com" }) {
            given().header("Origin", origin).get(series).then().statusCode(200).header("Access-Control-Allow-Origin", is("*"))
                    .header("Vary", not(containsString("Origin"))).header("Access-Control-Expose-Headers", containsString("ETag"));
        }
        given().get(series).then().statusCode(200).header("Access-Control-Allow-Origin", is("*"));
        String etag = given().get(series).then().extract().header("ETag");
        given().header("Origin", "https://news.example.org").header("If-None-Match", etag).get(series).then().statusCode(304)
                .header("Access-Control-Allow-Origin", is("*"));
    }

    @Test
    void shouldLetSameOriginPagesWriteAndRefuseOtherSites() {
        String host = "localhost:" + io.restassured.RestAssured.port;
        int before = Api.reportCount();
        Api.asWriter().header("Origin", "http://" + host).body(Api.fixture("ru-mod-2025-05-23.json")).post("/api/v1/reports")
                .then().statusCode(201);
        assertEquals(before + 1, Api.reportCount());
        Api.asWriter().header("Origin", "https://evil.example.org").body(Api.fixture("night-2025-05-26.json"))
                .post("/api/v1/reports").then().statusCode(403).contentType("application/problem+json")
                .body("type", is("urn:problem-type:airattack:cross-origin-write"));
        given().header("Origin", "https://evil.example.org").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/reports").then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        assertEquals(before + 1, Api.reportCount());
    }

    @Test
    void shouldKeepReadsWithWrongCredentialsOut() {
        String night = "/api/v1/nights/2025-05-24";
        String etag = given().get(night).then().statusCode(200).extract().header("ETag");
        given().auth().preemptive().basic(Api.WRITER, "wrong").get(night).then().statusCode(401);
        given().auth().preemptive().basic(Api.WRITER, "wrong").get("/api/v1/nights/2025-05-23").then().statusCode(401);
        Api.asWriter().get(night).then().statusCode(200).header("ETag", etag);
        assertNotEquals(null, etag);
    }
}
