package org.airattack.stats.quotable;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Figures a journalist can quote without a footnote (issue 15, items 3–7): cut buckets say so, CSV
 * keeps every flag and names its credit, windows with missing nights are partial, still airborne is
 * never summed across nights, and a series echoes the range of its data.
 */
@QuarkusTest
class QuotableFiguresTest {

    @BeforeEach
    void seedNights() {
        TestDb.reset();
        Api.post("night-2025-05-24.json"); // 264 launched, 251 neutralised
        Api.post("night-2025-05-23.json"); // launched only
        Api.asWriter().body("""
                {"source": "ua-air-force", "externalId": "withheld-night", "target": "Ukraine",
                 "windowStart": "2025-05-27T20:00", "windowEnd": "2025-05-28T08:00",
                 "lines": [{"weapon": "Iskander-M", "withheld": true},
                           {"weapon": "Shahed-136/131", "launched": 10, "neutralised": 8, "stillAirborne": 2}]}""")
                .post("/api/v1/reports").then().statusCode(201);
    }

    @Test
    void shouldFlagTheBucketsThatFromAndToCut() {
        given().get("/api/v1/series?interval=year&from=2025-05-24&measure=launched").then().statusCode(200)
                .body("dates", contains("2025-01-01")).body("truncated", contains(true))
                .body("from", is("2025-05-24")).body("to", is("2025-05-28"));
        given().get("/api/v1/series?interval=month&from=2025-05-01&to=2025-05-31&measure=launched").then()
                .body("dates", contains("2025-05-01")).body("truncated", contains(false));
        given().get("/api/v1/series?interval=week&to=2025-05-25&measure=launched").then()
                .body("dates", contains("2025-05-19")).body("truncated", contains(false));
        given().get("/api/v1/series?interval=week&to=2025-05-24&measure=launched").then()
                .body("dates", contains("2025-05-19")).body("truncated", contains(true));
        given().get("/api/v1/series?measure=launched").then().body("truncated", nullValue());
        String csv = given().get("/api/v1/series?interval=year&from=2025-05-24&measure=launched&format=csv").then()
                .statusCode(200).extract().asString();
        assertEquals("date,launched,\"launched partial\",truncated,attribution", csv.lines().findFirst().orElseThrow());
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("2025-01-01,274,true,true,"), csv);
    }

    @Test
    void shouldCallTheShotDownYearTotalPartialOnceTheAirForceStopsSplittingIt() {
        // From the night to 24 July 2025 the Air Force gives one combined figure: neutralised, not shot down and suppressed.
        Api.asWriter().body("""
                {"source": "ua-air-force", "externalId": "combined-figure-night", "target": "Ukraine",
                 "windowStart": "2025-08-09T18:00", "windowEnd": "2025-08-10T08:30",
                 "lines": [{"weapon": "Shahed-136/131", "launched": 100, "neutralised": 90}]}""")
                .post("/api/v1/reports").then().statusCode(201);

        given().get("/api/v1/series?interval=year&measure=shotDown,neutralised").then().statusCode(200)
                .body("dates", contains("2025-01-01"))
                .body("series.find { it.measure == 'shotDown' }.values", contains(134))
                .body("series.find { it.measure == 'shotDown' }.partial", contains(true))
                .body("series.find { it.measure == 'neutralised' }.values", contains(349))
                .body("series.find { it.measure == 'neutralised' }.partial", contains(true)); // the withheld night
        String csv = given().get("/api/v1/series?interval=year&measure=shotDown&format=csv").then().statusCode(200)
                .extract().asString();
        assertEquals("date,shotDown,\"shotDown partial\",truncated,attribution", csv.lines().findFirst().orElseThrow());
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("2025-01-01,134,true,"), csv);
    }

    @Test
    void shouldEchoTheLastDateOfTheDataNotOfItsBucket() {
        given().get("/api/v1/series?interval=year&measure=launched").then().body("from", is("2025-05-23")).body("to", is("2025-05-28"));
    }

    @Test
    void shouldCarryEveryFlagAndTheCreditInCsv() {
        List<String> nights = given().get("/api/v1/nights?format=csv").then().statusCode(200).extract().asString().lines().toList();
        String header = nights.get(0);
        assertTrue(header.endsWith(",partial,withheld,span,overlap,attribution"), header);
        String withheld = nights.stream().filter(l -> l.startsWith("2025-05-28,")).findFirst().orElseThrow();
        assertTrue(withheld.contains(",true,true,,,"), "the withheld night is partial and withheld: " + withheld);
        assertTrue(withheld.endsWith("Ukrainian Air Force") || withheld.contains("Air Force"), withheld);
        String series = given().get("/api/v1/series?measure=launched,interceptionRate&format=csv").then().extract().asString();
        assertEquals("date,launched,\"launched partial\",interceptionRate,\"interceptionRate partial\",attribution",
                series.lines().findFirst().orElseThrow());
        assertTrue(series.lines().anyMatch(l -> l.startsWith("2025-05-28,10,true,0.8,true,")), series);
    }

    @Test
    void shouldCallAWindowWithMissingNightsPartialAndSayHowManyItHas() {
        given().get("/api/v1/summary").then().statusCode(200)
                .body("latestNight.date", is("2025-05-28"))
                .body("last7Nights.nights", is(7)).body("last7Nights.nightsReported", is(3))
                .body("last7Nights.partial", is(true))
                .body("last7Nights.totals.stillAirborne", nullValue())
                .body("recordNight.date", is("2025-05-24")).body("recordNight.flags.partial", is(false));
    }

    @Test
    void shouldNeverSumStillAirborneAcrossNights() {
        given().get("/api/v1/series?measure=stillAirborne").then().body("series[0].values[-1]", is(2));
        given().get("/api/v1/series?measure=stillAirborne&interval=month").then().body("series[0].values", contains((Object) null));
        given().get("/api/v1/series?measure=stillAirborne&cumulative=true").then().body("series[0].values[-1]", nullValue());
        given().get("/api/v1/nights/2025-05-28").then().body("totals.stillAirborne", is(2));
    }
}
