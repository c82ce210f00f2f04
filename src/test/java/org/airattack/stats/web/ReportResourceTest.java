package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.asWriter;
import static org.airattack.stats.support.Api.fixture;
import static org.airattack.stats.support.Api.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Ingest, revision, retraction and the nights they produce, over HTTP against PostgreSQL. */
@QuarkusTest
class ReportResourceTest {

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    @Test
    void shouldReadTheSeedArticleNightsAsReported() {
        post("night-2025-05-24.json");
        post("night-2025-05-23.json");
        post("ru-mod-2025-05-23.json");

        given().get("/api/v1/nights/2025-05-24?source=ua-air-force&period=night").then().statusCode(200)
                .body("totals.launched", is(264))
                .body("totals.shotDown", is(134))
                .body("totals.suppressed", is(117))
                .body("totals.neutralised", is(251))
                .body("totals.interceptionRate", is(0.9508f))
                .body("reports", hasSize(1))
                .body("reports[0].url", is("https://www.facebook.com/kpszsu/posts/pfbid0abc"))
                .body("reports[0].windowStart", is("2025-05-23T20:30+03:00"))
                .body("flags.span", is(false));

        given().get("/api/v1/nights/2025-05-23?source=ua-air-force").then().statusCode(200)
                .body("totals.launched", is(176))
                .body("totals.neutralised", nullValue())
                .body("totals.interceptionRate", nullValue())
                .body("categories.find { it.category == 'drone' }.launched", is(175))
                .body("categories.find { it.category == 'ballistic-missile' }.launched", is(1))
                .body("categories.find { it.category == 'drone' }.neutralised", nullValue())
                .body("flags.partial", is(true))
                .body("flags.span", is(false))
                .body("reports", hasSize(1));

        given().get("/api/v1/nights/2025-05-23?source=ru-mod").then().statusCode(200)
                .body("totals.launched", nullValue())
                .body("totals.shotDown", is(788))
                .body("flags.span", is(true))
                .body("reports[0].period", is("span"))
                .body("reports[0].windowStart", is("2025-05-20T20:00+03:00"));
    }

    @Test
    void shouldNeverMixTheClaimsOfOneSideIntoTheOther() {
        post("night-2025-05-23.json");
        post("ru-mod-2025-05-23.json");

        given().get("/api/v1/series?source=ua-air-force&measure=shotDown,launched&from=2025-05-20&to=2025-05-24").then()
                .body("dates", contains("2025-05-23"))
                .body("series.find { it.measure == 'shotDown' }.values", contains(nullValue()))
                .body("series.find { it.measure == 'launched' }.values", contains(176));
        given().get("/api/v1/series?source=ru-mod&measure=shotDown,launched").then()
                .body("series.find { it.measure == 'shotDown' }.values", contains(788))
                .body("series.find { it.measure == 'launched' }.values", contains(nullValue()));
    }

    @Test
    void shouldAnswerCreatedWithLocationThenUnchangedForAnIdenticalRepost() {
        String body = fixture("night-2025-05-24.json");
        var created = asWriter().body(body).post("/api/v1/reports").then().statusCode(201).extract();
        long id = created.jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/v1/reports/" + id));
        asWriter().body(body).post("/api/v1/reports").then().statusCode(200)
                .body("id", is((int) id))
                .body("revision", is(1));
        given().get("/api/v1/reports/" + id + "/revisions").then().statusCode(200).body("", hasSize(1));
        org.junit.jupiter.api.Assertions.assertEquals(1, TestDb.count("report_revision"));
    }

    @Test
    void shouldEchoCanonicalWeaponsCategoriesPeriodAndDerivedNeutralised() {
        asWriter().body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(201)
                .body("source", is("ua-air-force"))
                .body("externalId", is("kpszsu/posts/pfbid0abc"))
                .body("revision", is(1))
                .body("status", is("active"))
                .body("period", is("night"))
                .body("date", is("2025-05-24"))
                .body("windowStart", is("2025-05-23T20:30+03:00"))
                .body("windowEnd", is("2025-05-24T08:30+03:00"))
                .body("publishedAt", is("2025-05-24T09:12+03:00"))
                .body("lines[0].weapon", is("shahed-136-131"))
                .body("lines[0].reportedAs", is("Shahed-136/131"))
                .body("lines[0].category", is("drone"))
                .body("lines[0].neutralised", is(245))
                .body("lines[1].weapon", is("iskander-m-kn-23"))
                .body("lines[1].category", is("ballistic-missile"))
                .body("lines[1].suppressed", nullValue())
                .body("lines[1].neutralised", is(6))
                .body("warnings", hasSize(0));
    }

    @Test
    void shouldStoreANewRevisionWhenTheContentChangesAndCountOnlyTheLatest() {
        long id = post("night-2025-05-24.json");
        String corrected = fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": 260");

        asWriter().body(corrected).post("/api/v1/reports").then().statusCode(200)
                .body("id", is((int) id))
                .body("revision", is(2));

        given().get("/api/v1/reports/" + id + "/revisions").then().statusCode(200)
                .body("revision", contains(1, 2))
                .body("lines[0].launched[0]", is(250))
                .body("lines[1].launched[0]", is(260));
        given().get("/api/v1/nights/2025-05-24").then().body("totals.launched", is(274))
                .body("reports[0].revision", is(2));
    }

    @Test
    void shouldReviseByIdWithPutAndRefuseToMoveAReportToAnotherSource() {
        long id = post("night-2025-05-24.json");
        String corrected = fixture("night-2025-05-24.json").replace("\"shotDown\": 6", "\"shotDown\": 7");

        asWriter().body(corrected).put("/api/v1/reports/" + id).then().statusCode(200).body("revision", is(2))
                .body("lines[1].neutralised", is(7));
        asWriter().body(corrected.replace("\"ua-air-force\"", "\"ru-mod\"")).put("/api/v1/reports/" + id).then()
                .statusCode(409).contentType("application/problem+json");
        asWriter().body(corrected).put("/api/v1/reports/999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/reports/" + id).then().body("revision", is(2));
    }

    @Test
    void shouldAcceptTheStoredReportSentBackUnchanged() {
        long id = post("night-2025-05-24.json");
        String stored = given().get("/api/v1/reports/" + id).then().statusCode(200).extract().asString();

        asWriter().body(stored).put("/api/v1/reports/" + id).then().statusCode(200).body("revision", is(1));
        asWriter().body(stored).post("/api/v1/reports").then().statusCode(200).body("revision", is(1));
    }

    @Test
    void shouldRetractAReportFromEveryAggregateAndKeepItsHistory() {
        long id = post("night-2025-05-24.json");
        post("night-2025-05-23.json");

        asWriter().delete("/api/v1/reports/" + id).then().statusCode(204);

        given().get("/api/v1/nights/2025-05-24").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/nights/latest").then().statusCode(200).body("date", is("2025-05-23"));
        given().get("/api/v1/series?measure=launched").then().body("dates", contains("2025-05-23"));
        given().get("/api/v1/reports/" + id).then().statusCode(200)
                .body("status", is("retracted"))
                .body("retractedAt", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/reports/" + id + "/revisions").then().body("", hasSize(1));
        given().get("/api/v1/reports?status=retracted").then().body("total", is(1)).body("items[0].id", is((int) id));
        asWriter().delete("/api/v1/reports/" + id).then().statusCode(204);
        asWriter().delete("/api/v1/reports/424242").then().statusCode(404);
    }

    @Test
    void shouldReactivateARetractedReportWhenItIsPostedAgain() {
        long id = post("night-2025-05-24.json");
        asWriter().delete("/api/v1/reports/" + id).then().statusCode(204);

        asWriter().body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(200)
                .body("status", is("active"))
                .body("revision", is(2));
        given().get("/api/v1/nights/2025-05-24").then().statusCode(200).body("totals.launched", is(264));
    }

    @Test
    void shouldDeriveTheExternalIdFromSourceWindowAndTargetWhenAbsent() {
        String body = fixture("night-2025-05-24.json").replace("\"externalId\": \"kpszsu/posts/pfbid0abc\",", "");
        asWriter().body(body).post("/api/v1/reports").then().statusCode(201)
                .body("externalId", is("2025-05-23T20:30/2025-05-24T08:30/Ukraine"));
        asWriter().body(body).post("/api/v1/reports").then().statusCode(200).body("revision", is(1));
        org.junit.jupiter.api.Assertions.assertEquals(1, Api.reportCount());
    }

    @Test
    void shouldKeepTheSameWeaponTwiceFromTwoLaunchPlaces() {
        String body = """
                {"source": "ua-air-force", "externalId": "kpszsu/posts/pfbid0wsUCPjdm6rB", "target": "Ukraine",
                 "windowStart": "2025-03-05T19:00", "windowEnd": "2025-03-06T09:00",
                 "lines": [{"weapon": "Shahed-136/131", "launched": 112, "shotDown": 68, "suppressed": 43},
                           {"weapon": "Iskander-M/KN-23", "launchPlace": "Voronezh oblast", "launched": 1, "shotDown": 0},
                           {"weapon": "Iskander-M/KN-23", "launchPlace": "Crimea", "launched": 1, "shotDown": 0}]}""";
        asWriter().body(body).post("/api/v1/reports").then().statusCode(201).body("lines", hasSize(3))
                .body("lines[2].launchPlace", is("Crimea"));
        given().get("/api/v1/nights/2025-03-06").then()
                .body("weapons.find { it.weapon == 'iskander-m-kn-23' }.launched", is(2))
                .body("totals.launched", is(114));
    }

    @Test
    void shouldRequireTheWriterRoleForEveryWrite() {
        given().contentType(ContentType.JSON).body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then()
                .statusCode(401);
        given().auth().preemptive().basic("test-reader", "test-reader-password").contentType(ContentType.JSON)
                .body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().preemptive().basic(Api.WRITER, "wrong").contentType(ContentType.JSON)
                .body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(401);
        long id = post("night-2025-05-24.json");
        given().delete("/api/v1/reports/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(fixture("night-2025-05-24.json")).put("/api/v1/reports/" + id).then()
                .statusCode(401);
        given().get("/api/v1/reports/" + id).then().statusCode(200).body("status", equalTo("active"));
        org.junit.jupiter.api.Assertions.assertEquals(1, Api.reportCount());
    }

    @Test
    void shouldPageReportsNewestFirstAndFilterBySourceAndDate() {
        post("night-2025-05-24.json");
        post("night-2025-05-23.json");
        post("ru-mod-2025-05-23.json");

        given().get("/api/v1/reports?size=2").then().statusCode(200)
                .body("total", is(3)).body("items", hasSize(2)).body("size", is(2))
                .body("items[0].date", is("2025-05-24"));
        given().get("/api/v1/reports?size=2&page=1").then().body("items", hasSize(1));
        given().get("/api/v1/reports?source=ru-mod").then().body("total", is(1)).body("items[0].source", is("ru-mod"));
        given().get("/api/v1/reports?from=2025-05-24&to=2025-05-24").then().body("total", is(1));
        given().get("/api/v1/reports?size=100000").then().statusCode(400).body("errors[0].field", is("size"));
        given().get("/api/v1/reports/abc").then().statusCode(404).body("detail", containsString("abc"));
    }

    @Test
    void shouldKeepTwoPostsForOneWindowButRefuseTheSameNightFiledTwice() {
        // the Air Force posted the night of 25 December 2024 in two posts with one window: missiles, then the rest
        String missiles = """
                {"source": "ua-air-force", "externalId": "kpszsu/posts/pfbid02YK", "target": "Ukraine",
                 "windowStart": "2024-12-25T05:00", "windowEnd": "2024-12-25T10:00",
                 "lines": [{"weapon": "X-101/X-555 and Kalibr", "launched": 62, "shotDown": 55}]}""";
        String rest = """
                {"source": "ua-air-force", "externalId": "kpszsu/posts/pfbid0hXu", "target": "Ukraine",
                 "windowStart": "2024-12-25T05:00", "windowEnd": "2024-12-25T10:00",
                 "lines": [{"weapon": "X-59/X-69", "launched": 4, "shotDown": 4}, {"weapon": "KN-23", "launched": 2, "shotDown": 0}]}""";
        asWriter().body(missiles).post("/api/v1/reports").then().statusCode(201);
        asWriter().body(rest).post("/api/v1/reports").then().statusCode(201);
        given().get("/api/v1/nights/2024-12-25?period=any").then().body("totals.launched", is(68)).body("reports", hasSize(2));

        asWriter().body(missiles.replace("pfbid02YK", "pfbid02YK-typed-again")).post("/api/v1/reports").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("revise it with PUT"));
        given().get("/api/v1/nights/2024-12-25?period=any").then().body("totals.launched", is(68));
    }
}
