package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.asWriter;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Series, nights and summary over a small history around the July 2025 reporting change: two
 * nights with shot down and suppressed apart, a night and a day with the combined figure, and a
 * bundle night in August.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesResourceTest {

    static String report(String id, String start, String end, String lines) {
        return """
                {"source": "ua-air-force", "externalId": "%s", "target": "Ukraine", "windowStart": "%s", "windowEnd": "%s",
                 "url": "https://www.facebook.com/kpszsu/posts/%s", "lines": [%s]}""".formatted(id, start, end, id, lines);
    }

    /** Set up once: every test of this class only reads, or checks that nothing changed. */
    private boolean ready;

    @BeforeEach
    void history() {
        if (ready) {
            return;
        }
        ready = true;
        TestDb.reset();
        for (String body : new String[] {
                report("n0722", "2025-07-21T18:00", "2025-07-22T08:00",
                        "{\"weapon\": \"Shahed-136/131\", \"launched\": 100, \"shotDown\": 60, \"suppressed\": 30},"
                                + "{\"weapon\": \"Kalibr\", \"launched\": 10, \"shotDown\": 8}"),
                report("n0723", "2025-07-22T18:00", "2025-07-23T08:00",
                        "{\"weapon\": \"Shahed-136/131\", \"launched\": 200, \"shotDown\": 150, \"suppressed\": 40},"
                                + "{\"weapon\": \"Iskander-M\", \"launched\": 5, \"shotDown\": 2}"),
                report("n0724", "2025-07-23T18:00", "2025-07-24T08:30",
                        "{\"weapon\": \"Shahed-136/131\", \"launched\": 300, \"neutralised\": 280}"),
                report("d0724", "2025-07-24T08:30", "2025-07-24T18:30",
                        "{\"weapon\": \"Shahed-136/131\", \"launched\": 20, \"neutralised\": 15}"),
                report("n0804", "2025-08-03T19:00", "2025-08-04T07:00",
                        "{\"weapon\": \"X-101/X-555 and Kalibr\", \"launched\": 30, \"neutralised\": 25}") }) {
            asWriter().body(body).post("/api/v1/reports").then().statusCode(201);
        }
    }

    @Test
    void shouldAnswerOneValueArrayPerGroupAndMeasureAlignedWithTheDates() {
        given().get("/api/v1/series?groupBy=category&measure=launched,neutralised").then().statusCode(200)
                .body("source", is("ua-air-force"))
                .body("period", is("night"))
                .body("interval", is("night"))
                .body("groupBy", is("category"))
                .body("dates", contains("2025-07-22", "2025-07-23", "2025-07-24", "2025-08-04"))
                .body("series.group", contains("ballistic-missile", "ballistic-missile", "cruise-missile", "cruise-missile",
                        "drone", "drone"))
                .body("series[0].values", contains(nullValue(), is(5), nullValue(), nullValue()))
                .body("series[2].values", contains(is(10), nullValue(), nullValue(), is(30)))
                .body("series[4].values", contains(100, 200, 300, null))
                .body("series[5].values", contains(90, 190, 280, null))
                .body("dataVersion", is(5))
                .body("attribution", containsString("Petro Ivaniuk"));
    }

    @Test
    void shouldKeepTheInterceptionRateComparableAcrossTheJuly2025Change() {
        given().get("/api/v1/series?measure=interceptionRate,shotDown,neutralised").then().statusCode(200)
                .body("series.find { it.measure == 'interceptionRate' }.values", contains(0.8909f, 0.9366f, 0.9333f, 0.8333f))
                .body("series.find { it.measure == 'shotDown' }.values", contains(68, 152, null, null))
                .body("series.find { it.measure == 'neutralised' }.values", contains(98, 192, 280, 25));
    }

    @ParameterizedTest(name = "interval {0}")
    @CsvSource(delimiter = ';', value = {
            "week; 2025-07-21,2025-08-04; 615,30",
            "month; 2025-07-01,2025-08-01; 615,30",
            "year; 2025-01-01; 645" })
    void shouldSumNightsIntoWeeksMonthsAndYears(String interval, String dates, String launched) {
        given().get("/api/v1/series?measure=launched&interval=" + interval).then().statusCode(200)
                .body("dates", contains(dates.split(",")))
                .body("series[0].values", contains(java.util.Arrays.stream(launched.split(",")).map(Integer::valueOf)
                        .toArray(Integer[]::new)));
    }

    @Test
    void shouldGiveRunningSumsWhenCumulative() {
        given().get("/api/v1/series?measure=launched,neutralised&cumulative=true").then().statusCode(200)
                .body("cumulative", is(true))
                .body("series[0].values", contains(110, 315, 615, 645))
                .body("series[1].values", contains(98, 290, 570, 595));
    }

    @Test
    void shouldLeaveDatesWithoutReportsOutUnlessAskedToFillThem() {
        given().get("/api/v1/series?measure=launched&from=2025-07-22&to=2025-07-26").then()
                .body("dates", contains("2025-07-22", "2025-07-23", "2025-07-24"));
        given().get("/api/v1/series?measure=launched&from=2025-07-22&to=2025-07-26&fill=null").then()
                .body("dates", hasSize(5))
                .body("series[0].values", contains(110, 205, 300, null, null));
        given().get("/api/v1/series?measure=launched&from=2025-07-22&to=2025-07-26&fill=zero").then()
                .body("series[0].values", contains(110, 205, 300, 0, 0));
    }

    @Test
    void shouldCountDaysApartFromNightsAndBothForAny() {
        given().get("/api/v1/series?measure=launched&period=day").then()
                .body("dates", contains("2025-07-24")).body("series[0].values", contains(20));
        given().get("/api/v1/series?measure=launched&period=any&from=2025-07-24&to=2025-07-24").then()
                .body("series[0].values", contains(320));
        given().get("/api/v1/nights/2025-07-24?period=any").then().body("reports", hasSize(2))
                .body("totals.launched", is(320));
    }

    @Test
    void shouldFilterByWeaponAndCategoryAndKeepBundlesAsTheirOwnWeapon() {
        given().get("/api/v1/series?measure=launched&weapon=kalibr").then()
                .body("series[0].values", contains(10, null, null, null));
        given().get("/api/v1/series?measure=launched&category=drone").then()
                .body("series[0].values", contains(100, 200, 300, null));
        given().get("/api/v1/series?measure=launched&groupBy=weapon&from=2025-08-04").then()
                .body("series[0].group", is("kalibr+kh-101-kh-555"))
                .body("series[0].values", contains(30));
        given().get("/api/v1/nights/2025-08-04").then()
                .body("weapons[0].weapon", is("kalibr+kh-101-kh-555"))
                .body("weapons[0].category", is("cruise-missile"));
    }

    @Test
    void shouldListNightsWithCategoryTotals() {
        given().get("/api/v1/nights?from=2025-07-22&to=2025-07-23").then().statusCode(200)
                .body("nights", hasSize(2))
                .body("nights[0].date", is("2025-07-22"))
                .body("nights[0].totals.launched", is(110))
                .body("nights[0].categories.drone.launched", is(100))
                .body("nights[0].categories.cruise-missile.neutralised", is(8))
                .body("nights[1].categories.ballistic-missile.launched", is(5))
                .body("categories", contains("ballistic-missile", "cruise-missile", "drone"));
    }

    @Test
    void shouldAnswerTheLatestNightAndNotFoundForADateWithoutReports() {
        given().get("/api/v1/nights/latest").then().statusCode(200).body("date", is("2025-08-04"))
                .body("totals.launched", is(30));
        given().get("/api/v1/nights/latest?period=day").then().statusCode(200).body("date", is("2025-07-24"));
        given().get("/api/v1/nights/2025-07-25").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/nights/latest?source=ua-air-command-west").then().statusCode(404);
    }

    @Test
    void shouldSummariseHeadlineFigures() {
        given().get("/api/v1/summary").then().statusCode(200)
                .body("latestNight.date", is("2025-08-04"))
                .body("latestNight.totals.launched", is(30))
                .body("last7Nights.from", is("2025-07-29"))
                .body("last7Nights.nightsReported", is(1))
                .body("last7Nights.totals.launched", is(30))
                .body("last30Nights.nightsReported", is(4))
                .body("last30Nights.totals.launched", is(645))
                .body("last30Nights.totals.neutralised", is(595))
                .body("yearToDate.totals.launched", is(645))
                .body("allTime.totals.launched", is(645))
                .body("allTime.categories.drone.launched", is(600))
                .body("recordNight.date", is("2025-07-24"))
                .body("recordNight.launched", is(300))
                .body("interceptionRates.latestNight", is(0.8333f))
                .body("interceptionRates.allTime", is(0.9225f));
        given().get("/api/v1/summary?source=ru-mod").then().statusCode(200).body("latestNight", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "groupBy=foo; groupBy",
            "measure=launched,bogus; measure",
            "interval=hour; interval",
            "period=evening; period",
            "fill=maybe; fill",
            "cumulative=perhaps; cumulative",
            "source=nowhere; source",
            "from=2025-13-01; from",
            "from=2025-08-01&to=2025-07-01; from",
            "to=1800-01-01; to",
            "weapon=shahid; weapon",
            "category=rockets; category",
            "fill=null&from=2000-01-01&to=2100-01-01; from" })
    void shouldAnswerBadParametersWithAProblemNamingThem(String query, String parameter) {
        given().get("/api/v1/series?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is(parameter));
    }
}
