package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** POST /api/v1/imports/air-force-post over HTTP against PostgreSQL: store, repeat, correct, dry-run, refuse. */
@QuarkusTest
class AirForcePostResourceTest {

    private static final String PATH = "/api/v1/imports/air-force-post";
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String URL_02 = "https://t.me/kpszsu/66440";
    private static final String URL_12 = "https://t.me/kpszsu/72214";

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    private static RequestSpecification asWriter() {
        return given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).contentType(TEXT);
    }

    private static String post(String name) {
        return Api.resource("air-force-posts/" + name + ".txt");
    }

    @Test
    void shouldStoreThePostAsAReportAndServeItsNight() {
        long id = asWriter().queryParam("url", URL_02).queryParam("publishedAt", "2026-06-26T06:03:36+00:00").body(post("02"))
                .post(PATH).then().statusCode(201)
                .body("source", is("ua-air-force"))
                .body("externalId", is(URL_02))
                .body("url", is(URL_02))
                .body("revision", is(1))
                .body("period", is("night"))
                .body("date", is("2026-06-26"))
                .body("windowStart", is("2026-06-25T18:00+03:00"))
                .body("windowEnd", is("2026-06-26T09:00+03:00"))
                .body("publishedAt", is("2026-06-26T09:03:36+03:00"))
                .body("lines", hasSize(2))
                .body("lines.find { it.weapon == 'iskander-m' }.launched", is(7))
                .body("lines.find { it.weapon == 'iskander-m' }.neutralised", is(3))
                .body("lines.find { it.weapon == 'iskander-m' }.shotDown", nullValue())
                .body("lines.find { it.weapon == 'shahed-136-131' }.reportedAs", is("drones (mixed)"))
                .body("lines.find { it.weapon == 'shahed-136-131' }.launched", is(189))
                .body("lines.find { it.weapon == 'shahed-136-131' }.neutralised", is(174))
                .body("warnings", hasItem(startsWith("still in the air")))
                .extract().jsonPath().getLong("id");

        given().get("/api/v1/nights/2026-06-26").then().statusCode(200)
                .body("totals.launched", is(196))
                .body("totals.neutralised", is(177))
                .body("totals.shotDown", nullValue())
                .body("totals.hitLocations", is(12))
                .body("totals.debrisLocations", is(6))
                .body("reports", hasSize(1))
                .body("reports[0].id", is((int) id))
                .body("reports[0].url", is(URL_02));
    }

    @Test
    void shouldChangeNothingWhenTheSamePostIsPostedTwice() {
        var created = asWriter().queryParam("url", URL_02).body(post("02")).post(PATH).then().statusCode(201).extract();
        long id = created.jsonPath().getLong("id");
        assertEquals("/api/v1/reports/" + id, java.net.URI.create(created.header("Location")).getPath());

        asWriter().queryParam("url", URL_02).body(post("02")).post(PATH).then().statusCode(200)
                .body("id", is((int) id))
                .body("revision", is(1));
        assertEquals(1, Api.reportCount());
        assertEquals(1, TestDb.count("report_revision"));

        // the same post copied from the share button or the channel preview is still the same post
        for (String copy : new String[] { URL_02 + "?single", "https://t.me/s/kpszsu/66440" }) {
            asWriter().queryParam("url", copy).body(post("02")).post(PATH).then().statusCode(200)
                    .body("id", is((int) id))
                    .body("revision", is(1));
        }
        assertEquals(1, Api.reportCount());
        assertEquals(1, TestDb.count("report_revision"));
    }

    @Test
    void shouldRefuseAPostWhoseHeadlineDisagreesWithItsItemsUntilAnEditorAcceptsIt() {
        // the post of 10 August 2026: its headline says 96 neutralised, its items add up to 95
        asWriter().queryParam("url", URL_12).queryParam("publishedAt", "2026-08-10T06:00:43Z").body(post("12")).post(PATH)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith(":cross-checks-disagree"))
                .body("detail", containsString("acceptDisagreement=true"))
                .body("errors", hasSize(1))
                .body("errors[0].field", is("body"))
                .body("errors[0].message", containsString("says 96 neutralised, the items add up to 95"));
        assertEquals(0, TestDb.count("report"));
        given().get("/api/v1/nights/2026-08-10").then().statusCode(404);

        asWriter().queryParam("url", URL_12).queryParam("publishedAt", "2026-08-10T06:00:43Z").queryParam("acceptDisagreement", "true")
                .body(post("12")).post(PATH).then().statusCode(201)
                .body("warnings", hasItem(containsString("says 96 neutralised, the items add up to 95; the items are stored")));
        given().get("/api/v1/nights/2026-08-10").then().statusCode(200).body("totals.neutralised", is(95));
        // a post whose figures agree needs no such word
        asWriter().queryParam("url", URL_02).body(post("02")).post(PATH).then().statusCode(201);
        asWriter().queryParam("acceptDisagreement", "perhaps").body(post("02")).post(PATH).then().statusCode(400)
                .body("errors[0].field", is("acceptDisagreement"));
    }

    @Test
    void shouldStoreACorrectedPostAsARevisionOfTheSameUrl() {
        long id = asWriter().queryParam("url", URL_12).queryParam("publishedAt", "2026-08-10T06:00:43Z")
                .queryParam("acceptDisagreement", "true").body(post("12")).post(PATH)
                .then().statusCode(201)
                .body("warnings", hasItem(containsString("says 96 neutralised, the items add up to 95")))
                .extract().jsonPath().getLong("id");
        String corrected = post("12").replace("збито/подавлено 92 ворожі БпЛА", "збито/подавлено 93 ворожі БпЛА");

        asWriter().queryParam("url", URL_12).queryParam("publishedAt", "2026-08-10T06:00:43Z").body(corrected).post(PATH)
                .then().statusCode(200)
                .body("id", is((int) id))
                .body("revision", is(2))
                .body("warnings", not(hasItem(startsWith("the headline"))));
        given().get("/api/v1/nights/2026-08-10").then().statusCode(200)
                .body("totals.neutralised", is(96))
                .body("reports[0].revision", is(2));
        given().get("/api/v1/reports/" + id + "/revisions").then().body("revision", hasSize(2));
    }

    @Test
    void shouldAnswerTheReportAsReadAndStoreNothingOnADryRun() {
        asWriter().queryParam("url", URL_12).queryParam("publishedAt", "2026-08-10T06:00:43Z").queryParam("dryRun", "true")
                .body(post("12")).post(PATH).then().statusCode(200)
                .body("dryRun", is(true))
                .body("externalId", is(URL_12))
                .body("period", is("night"))
                .body("date", is("2026-08-10"))
                .body("windowStart", is("2026-08-09T18:00+03:00"))
                .body("lines.find { it.weapon == 'banderol' }.launched", is(3))
                .body("lines.find { it.weapon == 'kh-59-kh-69' }.neutralised", nullValue())
                .body("lines.find { it.weapon == 'shahed-136-131' }.neutralised", is(92))
                .body("warnings", hasItem(containsString("says 96 neutralised")));
        assertEquals(0, Api.reportCount());
        assertEquals(0, TestDb.count("report"));
        given().get("/api/v1/nights/2026-08-10").then().statusCode(404);
    }

    @Test
    void shouldSayOnADryRunWhichReportsTheNightAlreadyHasAndWhatStoringWouldDo() {
        RequestSpecification dryRun = asWriter().queryParam("publishedAt", "2026-06-26T06:03:36+00:00").queryParam("dryRun", "true");
        asWriter().queryParam("url", URL_02).queryParam("dryRun", "true").body(post("02")).post(PATH).then().statusCode(200)
                .body("filed", hasSize(0));
        long id = asWriter().queryParam("url", URL_02).queryParam("publishedAt", "2026-06-26T06:03:36+00:00").body(post("02")).post(PATH)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long wave = Api.asWriter().body("""
                {"source": "ua-air-force", "externalId": "kpszsu/wave-0626", "target": "Ukraine",
                 "windowStart": "2026-06-26T03:00", "windowEnd": "2026-06-26T04:00",
                 "lines": [{"weapon": "X-101/X-555", "launched": 3, "shotDown": 3}]}""").post("/api/v1/reports")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        // the same post again: it is the stored report, and a late wave of that night counts beside it
        dryRun.queryParam("url", URL_02).body(post("02")).post(PATH).then().statusCode(200)
                .body("dryRun", is(true))
                .body("filed", hasSize(2))
                .body("filed.find { it.id == " + id + " }.onStore", is("unchanged"))
                .body("filed.find { it.id == " + id + " }.url", is(URL_02))
                .body("filed.find { it.id == " + id + " }.windowStart", is("2026-06-25T18:00+03:00"))
                .body("filed.find { it.id == " + id + " }.windowEnd", is("2026-06-26T09:00+03:00"))
                .body("filed.find { it.id == " + wave + " }.onStore", is("adds"))
                .body("filed.find { it.id == " + wave + " }.windowStart", is("2026-06-26T03:00+03:00"))
                .body("warnings", hasItem("the night of 2026-06-26 already has report " + id + " (" + URL_02
                        + ", 2026-06-25T18:00+03:00 to 2026-06-26T09:00+03:00): it is this post as stored; storing it changes nothing"));
        // a corrected text of the same post would be its revision 2
        asWriter().queryParam("url", URL_02).queryParam("dryRun", "true").body(post("02").replace("на 12 локаціях", "на 13 локаціях"))
                .post(PATH).then().statusCode(200)
                .body("filed.find { it.id == " + id + " }.onStore", is("revises"))
                .body("warnings", hasItem(containsString("already has report " + id + " (" + URL_02 + ", ")))
                .body("warnings", hasItem(endsWith("storing this post makes its revision 2")));
        // the same night copied from elsewhere would file it twice: storing it is refused, and the dry run says so first
        String copy = "https://www.facebook.com/kpszsu/posts/pfbid0copy";
        asWriter().queryParam("url", copy).queryParam("dryRun", "true").body(post("02")).post(PATH).then().statusCode(200)
                .body("filed.find { it.id == " + id + " }.onStore", is("refused"))
                .body("warnings", hasItem(containsString("storing this post is refused (409)")));
        asWriter().queryParam("url", copy).body(post("02")).post(PATH).then().statusCode(409);
        assertEquals(2, Api.reportCount());
    }

    @Test
    void shouldRefuseWhatIsNotANationalReportAndStoreNothing() {
        asWriter().body(post("26")).post(PATH).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("not-a-report"))
                .body("detail", containsString("air-raid alert"))
                .body("errors[0].message", startsWith("air-raid-alert"));
        asWriter().body(post("27")).post(PATH).then().statusCode(422)
                .body("errors[0].message", startsWith("regional-tally"));
        asWriter().body(post("24")).post(PATH).then().statusCode(422)
                .body("errors[0].message", startsWith("clarification"));
        assertEquals(0, Api.reportCount());
    }

    @Test
    void shouldRefuseAReportItCannotReadFullyNamingWhatItCouldNotRead() {
        String text = """
                У ніч на 3 липня (з 18:00 2 липня) противник атакував 5 ракетами «Фенікс» та 40 «мопедами».
                Станом на 08:30 збито/подавлено 35 ворожих БпЛА.""";
        asWriter().queryParam("publishedAt", "2026-07-03T06:00:00Z").body(text).post(PATH).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("unreadable-report"))
                .body("detail", containsString("Фенікс"))
                .body("errors.field", everyItem(is("body")))
                .body("errors.message", hasItem(containsString("5 ракетами \"Фенікс\"")))
                .body("errors.message", hasItem(containsString("мопедами")));
        assertEquals(0, Api.reportCount());
    }

    @Test
    void shouldKeyAPostWithoutUrlByItsText() {
        long id = asWriter().body(post("11")).post(PATH).then().statusCode(201)
                .body("externalId", startsWith("text-sha256:"))
                .body("warnings", hasItem(startsWith("no url")))
                .body("warnings", hasItem(startsWith("no publishedAt")))
                .extract().jsonPath().getLong("id");
        asWriter().body(post("11")).post(PATH).then().statusCode(200).body("id", is((int) id)).body("revision", is(1));
    }

    @Test
    void shouldRefuseBadParametersNamingThem() {
        asWriter().queryParam("publishedAt", "yesterday").body(post("02")).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("publishedAt"));
        asWriter().queryParam("dryRun", "maybe").body(post("02")).post(PATH).then().statusCode(400).body("errors[0].field", is("dryRun"));
        asWriter().queryParam("url", "ftp://example.org/post").body(post("02")).post(PATH).then().statusCode(400)
                .body("errors[0].field", is("url"));
        asWriter().body(" \n").post(PATH).then().statusCode(400).body("errors[0].field", is("body"));
        asWriter().body("а".repeat(40_000)).post(PATH).then().statusCode(413).contentType("application/problem+json");
        given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).contentType(ContentType.JSON).body("{}").post(PATH).then()
                .statusCode(415);
        assertEquals(0, Api.reportCount());
    }

    @Test
    void shouldRequireTheWriterRole() {
        given().contentType(TEXT).body(post("02")).post(PATH).then().statusCode(401);
        given().auth().preemptive().basic("test-reader", "test-reader-password").contentType(TEXT).body(post("02")).post(PATH).then()
                .statusCode(403).contentType("application/problem+json");
        assertEquals(0, Api.reportCount());
    }
}
