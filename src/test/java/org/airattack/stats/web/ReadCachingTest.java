package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Reads fit for widgets polling through CDNs: ETag, 304, Cache-Control, gzip, CSV and CORS (SPEC §3.2). */
@QuarkusTest
class ReadCachingTest {

    private static final String SERIES = "/api/v1/series?groupBy=category&measure=launched,neutralised";

    @Inject
    ReadCache cache;

    @BeforeEach
    void seedArticle() {
        TestDb.reset();
        Api.post("night-2025-05-24.json");
        Api.post("night-2025-05-23.json");
    }

    private static ExtractableResponse<Response> read(String url) {
        return given().get(url).then().statusCode(200).extract();
    }

    @Test
    void shouldSendAStrongEtagCacheControlAndLastModified() {
        ExtractableResponse<Response> r = read(SERIES);
        assertEquals(r.header("ETag"), ReadCache.etag(new ReadCache.Stamp(2, parseHttpDate(r.header("Last-Modified"), r), false),
                "/api/v1/series?groupBy=category&measure=launched,neutralised&#json"));
        given().get(SERIES).then()
                .header("ETag", startsWith("\"2-"))
                .header("Cache-Control", is("public, max-age=60, stale-while-revalidate=300"))
                .header("Last-Modified", endsWith("GMT"))
                .header("Vary", containsString("Accept-Encoding"));
    }

    /** The stamp's instant has sub-second precision; the test reads it back through the ETag's own encoding. */
    private static java.time.Instant parseHttpDate(String header, ExtractableResponse<Response> r) {
        String etag = r.header("ETag");
        String millis = etag.substring(etag.indexOf('-') + 1, etag.lastIndexOf('-'));
        java.time.Instant exact = java.time.Instant.ofEpochMilli(Long.parseLong(millis, 36));
        assertEquals(java.time.ZonedDateTime.parse(header, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond(),
                exact.getEpochSecond());
        return exact;
    }

    @Test
    void shouldAnswerRevalidationsWith304WithoutComputingAnything() {
        String etag = read(SERIES).header("ETag");
        long computed = cache.computed();

        for (int i = 0; i < 5; i++) {
            given().header("If-None-Match", etag).get(SERIES).then().statusCode(304)
                    .header("ETag", is(etag)).body(is(emptyString()));
            read(SERIES);
        }
        given().header("If-None-Match", "W/" + etag + ", \"other\"").get(SERIES).then().statusCode(304);
        // the seed's two reports were written within one second: a date one second later proves "not modified"
        String lastModified = read(SERIES).header("Last-Modified");
        String later = ReadFastPath.httpDate(java.time.ZonedDateTime.parse(lastModified,
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().plusSeconds(1));
        given().header("If-Modified-Since", later).get(SERIES).then().statusCode(304);
        assertEquals(computed, cache.computed(), "304s and repeated reads were served without computing the answer again");

        given().header("If-None-Match", "\"1-0000000000000000\"").get(SERIES).then().statusCode(200);
    }

    @Test
    void shouldChangeTheEtagWhenTheDataChanges() {
        String before = read(SERIES).header("ETag");
        Api.post("ru-mod-2025-05-23.json");
        given().header("If-None-Match", before).get(SERIES).then().statusCode(200)
                .header("ETag", not(is(before)));
        assertNotEquals(before, read(SERIES).header("ETag"));
    }

    @Test
    void shouldGzipForClientsThatAcceptIt() {
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        String identity = given().config(raw).get("/api/v1/nights").then().statusCode(200)
                .header("Content-Encoding", nullValue()).extract().header("ETag");
        var gz = given().config(raw).header("Accept-Encoding", "gzip").get("/api/v1/nights").then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("ETag", is(identity.substring(0, identity.length() - 1) + "-gz\""))
                .extract();
        given().header("Accept-Encoding", "gzip").header("If-None-Match", gz.header("ETag")).get("/api/v1/nights").then()
                .statusCode(304);
        given().header("Accept-Encoding", "gzip").get("/api/v1/nights").then().statusCode(200)
                .body("nights.size()", is(2));
    }

    @Test
    void shouldAnswerTextCsvInTheWideLayoutWithBlanksForUnknown() {
        String csv = given().accept("text/csv").get(SERIES).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String credit = "\"" + given().get(SERIES).then().extract().<String>path("attribution").replace("\"", "\"\"") + "\"";
        assertEquals("""
                date,"ballistic-missile launched","ballistic-missile neutralised","drone launched","drone neutralised",attribution
                2025-05-23,1,,175,,%1$s
                2025-05-24,14,6,250,245,%1$s
                """.formatted(credit), csv);
        assertEquals(csv, given().get(SERIES + "&format=csv").then().statusCode(200).extract().asString());

        String nights = given().get("/api/v1/nights?format=csv").then().statusCode(200).extract().asString();
        assertEquals("date,launched,shotDown,suppressed,neutralised,stillAirborne,hitLocations,debrisLocations,interceptionRate,"
                + "\"ballistic-missile launched\",\"ballistic-missile neutralised\",\"ballistic-missile interceptionRate\","
                + "\"drone launched\",\"drone neutralised\",\"drone interceptionRate\",partial,withheld,span,overlap,attribution",
                nights.lines().findFirst().orElseThrow());
        assertEquals("2025-05-23,176,,,,,,,,1,,,175,,,true,,,," + credit, nights.lines().skip(1).findFirst().orElseThrow());
        assertEquals("2025-05-24,264,134,117,251,,,,0.9508,14,6,0.4286,250,245,0.98,,,,," + credit,
                nights.lines().skip(2).findFirst().orElseThrow());
        given().accept("text/csv").get("/api/v1/summary").then().statusCode(406);
    }

    @Test
    void shouldAnswerCsvForAQueryTooLongToKeep() {
        // the same two weapons, named again and again: a canonical query over ReadFastPath.MAX_KEY is never kept
        String few = "/api/v1/series?groupBy=weapon&measure=launched&weapon=shahed-136-131,iskander-m-kn-23";
        String many = few + ",shahed-136-131,iskander-m-kn-23".repeat(40);
        assertTrue(many.length() > ReadFastPath.MAX_KEY, "the query is longer than a kept key: " + many.length());
        String kept = given().accept("text/csv").get(few).then().statusCode(200).extract().asString();

        long computed = cache.computed();
        for (int i = 0; i < 2; i++) {
            given().accept("text/csv").get(many).then().statusCode(200)
                    .contentType(containsString("text/csv"))
                    .header("ETag", nullValue())
                    .body(is(kept));
        }
        assertEquals(computed, cache.computed(), "nothing was kept: the resource and the CSV writer answered alone, each time");
        given().get(many + "&format=csv").then().statusCode(200).contentType(containsString("text/csv")).body(is(kept));
    }

    @Test
    void shouldAllowCrossOriginReadsButNeverWrites() {
        for (int i = 0; i < 2; i++) {
            given().header("Origin", "https://news.example.org").get(SERIES).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", notNullValue());
        }
        String etag = read(SERIES).header("ETag");
        given().header("Origin", "https://news.example.org").header("If-None-Match", etag).get(SERIES).then().statusCode(304)
                .header("Access-Control-Allow-Origin", notNullValue());
        given().header("Origin", "https://news.example.org").header("Access-Control-Request-Method", "GET")
                .options(SERIES).then().header("Access-Control-Allow-Methods", containsString("GET"));
        given().header("Origin", "https://news.example.org").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/reports").then()
                .header("Access-Control-Allow-Methods", not(containsString("POST")));

        int reports = Api.reportCount();
        Api.asWriter().header("Origin", "https://evil.example.org").body(Api.fixture("ru-mod-2025-05-23.json"))
                .post("/api/v1/reports").then().statusCode(403);
        Api.asWriter().header("Sec-Fetch-Site", "cross-site").contentType(ContentType.JSON)
                .body(Api.fixture("ru-mod-2025-05-23.json")).post("/api/v1/reports").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(reports, Api.reportCount());
    }

    @Test
    void shouldAnswerReadyReadsUnderTheirRouteAndStillCheckCredentials() {
        String night = "/api/v1/nights/2025-05-24";
        String etag = read(night).header("ETag");
        long computed = cache.computed();
        read(night);
        given().header("If-None-Match", etag).get(night).then().statusCode(304);
        assertEquals(computed, cache.computed(), "the repeated read and the revalidation were answered ready");

        // credentials on a read are checked even when its answer is ready; right ones get the same answer
        given().auth().preemptive().basic(Api.WRITER, "wrong").get(night).then().statusCode(401);
        given().auth().preemptive().basic(Api.WRITER, "wrong").header("If-None-Match", etag).get(night).then().statusCode(401);
        Api.asWriter().get(night).then().statusCode(200).header("ETag", etag);
        Api.asWriter().header("If-None-Match", etag).get(night).then().statusCode(304).header("ETag", etag);
        assertEquals(computed, cache.computed(), "a reader with credentials is answered ready too, once authenticated");

        // the metrics name the route, not the night, for answers from the fast path too
        String metrics = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> nights = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("uri=\"/api/v1/nights/")).toList();
        assertTrue(nights.stream().noneMatch(l -> l.contains("2025-05-24")), String.join("\n", nights));
        assertTrue(nights.stream().anyMatch(l -> l.contains("status=\"304\"") && l.contains("uri=\"/api/v1/nights/{date}\"")),
                String.join("\n", nights));
        given().get("/api/v1/nights/latest").then().statusCode(200);
        given().get("/api/v1/nights/latest").then().statusCode(200);
        String after = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().extract().asString();
        assertTrue(after.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("uri=\"/api/v1/nights/latest\"")), "latest keeps its own route");
    }

    @Test
    void shouldNotLetCachesKeepErrorsAndShouldAnswerHead() {
        given().get("/api/v1/nights/2025-05-25").then().statusCode(404).header("Cache-Control", is("no-cache"))
                .header("ETag", nullValue());
        given().head(SERIES).then().statusCode(200).header("ETag", startsWith("\""));
    }
}
