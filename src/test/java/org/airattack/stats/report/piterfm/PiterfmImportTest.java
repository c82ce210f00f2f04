package org.airattack.stats.report.piterfm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The dataset import on fixtures of real rows (src/test/resources/piterfm): the 2025 edition in
 * the 17-column layout, the 2026 edition in the 22-column layout, the older 9- and 16-column
 * layouts and a trailing status_data column.
 */
@QuarkusTest
public class PiterfmImportTest {

    static final String IMPORT = "/api/v1/imports/piterfm";

    public static String csv(String name) {
        try (InputStream in = PiterfmImportTest.class.getClassLoader().getResourceAsStream("piterfm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ValidatableResponse importCsv(String body, String query) {
        return Api.asWriter().contentType("text/csv").body(body).post(IMPORT + query).then();
    }

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    @Test
    void shouldImportTheNewestEditionAsItsRowsImply() {
        importCsv(csv("edition-2026-06.csv"), "").statusCode(200)
                .body("rows", is(26)).body("created", is(26)).body("revised", is(0)).body("unchanged", is(0))
                .body("skipped", is(0))
                .body("reports.created", is(12))
                .body("elapsedMs", org.hamcrest.Matchers.greaterThanOrEqualTo(0));

        // the night to 24 May 2025, before the July 2025 change: destroyed is shot down, not_reach_goal suppressed
        given().get("/api/v1/nights/2025-05-24").then().statusCode(200)
                .body("totals.launched", is(264)).body("totals.shotDown", is(134)).body("totals.suppressed", is(117))
                .body("totals.neutralised", is(251))
                .body("reports[0].url", startsWith("https://www.facebook.com/kpszsu/posts/pfbid"));
        // a separate late wave (02:15-03:40) adds to the night it falls in
        given().get("/api/v1/nights/2025-05-25").then()
                .body("reports", hasSize(2))
                .body("totals.launched", is(367)).body("totals.neutralised", is(313))
                .body("weapons.weapon", hasItem("kalibr+kh-101-kh-555"));
        // the same weapon twice, from two launch places
        given().get("/api/v1/nights/2025-03-06").then()
                .body("weapons.find { it.weapon == 'iskander-m-kn-23' }.launched", is(2));
        // a date-only start: a night, one report per target
        given().get("/api/v1/nights/2024-09-12").then()
                .body("reports", hasSize(3)).body("reports[0].windowStart", is("2024-09-12"))
                .body("totals.launched", is(68)).body("totals.suppressed", is(4));
        // a day window is not part of the night
        given().get("/api/v1/nights/2026-05-13?period=day").then()
                .body("totals.launched", is(753)).body("totals.neutralised", is(710));
        given().get("/api/v1/nights/2026-05-13").then().statusCode(404);
        // after the July 2025 change: one combined figure; shot down and suppressed unknown, not zero
        given().get("/api/v1/nights/2026-06-07").then()
                .body("totals.launched", is(236)).body("totals.neutralised", is(215))
                .body("totals.shotDown", nullValue()).body("totals.suppressed", nullValue())
                .body("totals.stillAirborne", is(4)).body("totals.hitLocations", is(13)).body("totals.debrisLocations", is(9));
        // a regional command's tally is its own series
        given().get("/api/v1/nights/2026-06-06?source=ua-air-command-south&period=day").then()
                .body("totals.launched", is(82));
        given().get("/api/v1/nights/2026-06-06?source=ua-air-force&period=any").then().statusCode(404);
    }

    @Test
    void shouldChangeNothingWhenTheSameEditionIsImportedAgain() {
        String csv = csv("edition-2026-06.csv");
        long version = importCsv(csv, "").statusCode(200).extract().jsonPath().getLong("dataVersion");
        importCsv(csv, "").statusCode(200)
                .body("created", is(0)).body("revised", is(0)).body("unchanged", is(26))
                .body("reports.unchanged", is(12))
                .body("dataVersion", is((int) version));
        assertEquals(12, TestDb.count("report_revision"));
    }

    @Test
    void shouldGiveTheNumbersOfTheNewestEditionAloneAfterImportingAnOlderOneFirst() {
        importCsv(csv("edition-2026-06.csv"), "").statusCode(200);
        String alone = given().get("/api/v1/nights?period=any&from=2024-01-01").then().extract().path("nights").toString();
        String southAlone = given().get("/api/v1/nights?source=ua-air-command-south&period=any").then().extract().path("nights")
                .toString();

        TestDb.reset();
        importCsv(csv("edition-2025-05.csv"), "").statusCode(200).body("rows", is(16)).body("reports.created", is(6));
        importCsv(csv("edition-2026-06.csv"), "").statusCode(200)
                .body("reports.created", is(6))
                .body("reports.unchanged", is(6))
                .body("reports.revised", is(0));

        assertEquals(alone, given().get("/api/v1/nights?period=any&from=2024-01-01").then().extract().path("nights").toString());
        assertEquals(southAlone, given().get("/api/v1/nights?source=ua-air-command-south&period=any").then().extract()
                .path("nights").toString());
        // the rename → "X-22 and X-32" resolves to the same weapons: no revision
        given().get("/api/v1/nights/2025-02-01").then()
                .body("reports[0].revision", is(1))
                .body("weapons.weapon", hasItem("kh-22+kh-32"));
    }

    @Test
    void shouldRecordARevisionWhenARowChanges() {
        String csv = csv("edition-2026-06.csv");
        importCsv(csv, "").statusCode(200);
        String corrected = csv.replace("2025-05-23 20:30,2025-05-24 08:30,Iskander-M/KN-23,Crimea and Bryansk oblast and Taganrog and Yeysk,Ukraine,,14.0,6.0",
                "2025-05-23 20:30,2025-05-24 08:30,Iskander-M/KN-23,Crimea and Bryansk oblast and Taganrog and Yeysk,Ukraine,,14.0,7.0");
        importCsv(corrected, "").statusCode(200)
                .body("revised", is(2)).body("reports.revised", is(1)).body("unchanged", is(24));
        given().get("/api/v1/nights/2025-05-24").then().body("totals.shotDown", is(135)).body("reports[0].revision", is(2));
    }

    @Test
    void shouldReadTheNineAndSixteenColumnLayouts() {
        importCsv(csv("layout-9-columns.csv"), "").statusCode(200).body("created", is(5)).body("reports.created", is(3));
        given().get("/api/v1/nights/2022-10-10?source=ua-general-staff&period=day").then()
                .body("totals.launched", is(95)).body("totals.shotDown", is(46)).body("totals.suppressed", nullValue());
        given().get("/api/v1/nights/2022-10-11?period=any").then().body("reports", hasSize(2)).body("totals.launched", is(54));

        importCsv(csv("layout-16-columns.csv"), "?onMissing=keep").statusCode(200).body("created", is(2));
        given().get("/api/v1/reports?from=2025-01-28&to=2025-01-28").then()
                .body("items[0].windowEnd", is("2025-01-28T09:30+02:00"))
                .body("items[0].lines[0].leftAirspace.belarus", is(2))
                .body("items[0].lines[0].stillAirborne", is(1));
        given().get("/api/v1/reports?from=2025-02-23&to=2025-02-23").then()
                .body("items[0].windowStart", is("2025-02-22T19:00+02:00"))
                .body("items[0].lines[0].leftAirspace.russia", is(3));
    }

    @Test
    void shouldKeepHiddenRowsAsWithheldAndUnknownModelsUnderTheCatchAll() {
        importCsv(csv("status-data-hidden.csv"), "").statusCode(200)
                .body("created", is(3))
                .body("warnings.row", hasItem(4))
                .body("warnings.find { it.row == 4 }.message", containsString("'KAB' is not in the catalog"));
        given().get("/api/v1/nights/2026-08-14").then()
                .body("flags.withheld", is(true))
                .body("totals.launched", is(123))
                .body("weapons.find { it.weapon == 'iskander-m' }.launched", nullValue())
                .body("weapons.find { it.weapon == 'unknown' }.launched", is(3));
        given().get("/api/v1/reports?from=2026-08-14").then()
                .body("items[0].lines[1].withheld", is(true))
                .body("items[0].lines[1].launched", nullValue())
                .body("items[0].lines[0].shaheds", is(80))
                .body("items[0].lines[2].reportedAs", is("KAB"))
                .body("items[0].lines[2].leftAirspace.poland", is(2));
    }

    @Test
    void shouldRefuseAMalformedFileNamingTheRowAndColumnAndStoreNothing() {
        String csv = csv("edition-2026-06.csv");
        String badCount = csv.replace(",Ukraine,,236.0,215.0,", ",Ukraine,,236.0,lots,");
        importCsv(badCount, "").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("row 2.destroyed"))
                .body("detail", containsString("row 2, column destroyed"));
        importCsv(csv.replace("time_end,", "end_time,"), "").statusCode(400)
                .body("errors[0].field", is("header")).body("detail", containsString("time_end"));
        importCsv(csv.replace("2025-05-24 08:30,Shahed", "2025-05-24 8h30,Shahed"), "").statusCode(400)
                .body("detail", containsString("column time_end"));
        importCsv("{\"source\": \"ua-air-force\"}", "").statusCode(400).body("errors[0].field", is("header"));
        importCsv("", "").statusCode(400);
        Api.asWriter().contentType("application/octet-stream").body(new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1 }).post(IMPORT)
                .then().statusCode(415);
        Api.asWriter().contentType("text/csv").body(new byte[] { 't', ',', (byte) 0xc3, (byte) 0x28, '\n' }).post(IMPORT)
                .then().statusCode(400);
        assertEquals(0, Api.reportCount());
        assertEquals(0, TestDb.count("report"));
    }

    @Test
    void shouldRefuseAFileThatWouldShrinkHistoryUnlessAskedTo() {
        importCsv(csv("edition-2026-06.csv"), "").statusCode(200);
        long revisions = TestDb.count("report_revision");

        importCsv(csv("edition-2025-05.csv"), "").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("lacks 6 report(s)"))
                .body("errors[0].field", is("onMissing"));
        assertEquals(revisions, TestDb.count("report_revision"));

        importCsv(csv("edition-2025-05.csv"), "?onMissing=keep").statusCode(200)
                .body("reports.retracted", is(0)).body("reports.unchanged", is(6));
        assertEquals(12, Api.reportCount());

        importCsv(csv("edition-2025-05.csv"), "?onMissing=retract").statusCode(200).body("reports.retracted", is(6));
        given().get("/api/v1/nights/2025-05-24").then().statusCode(404);
        given().get("/api/v1/reports?status=retracted").then().body("total", is(6));
        importCsv(csv("edition-2025-05.csv"), "?onMissing=sometimes").statusCode(400).body("errors[0].field", is("onMissing"));
    }

    @Test
    void shouldNeedTheWriterRole() {
        given().contentType("text/csv").body(csv("edition-2026-06.csv")).post(IMPORT).then().statusCode(401);
        assertEquals(0, Api.reportCount());
    }

    @Test
    void shouldReplaceTheSameNightFiledAnotherWaySoItNeverCountsTwice() {
        long typed = Api.post("night-2025-05-24.json");
        given().get("/api/v1/nights/2025-05-24").then().body("totals.launched", is(264));

        importCsv(csv("edition-2026-06.csv"), "").statusCode(200)
                .body("reports.superseded", is(1))
                .body("reports.retracted", is(0))
                .body("warnings.message", hasItem(containsString("report " + typed + " (kpszsu/posts/pfbid0abc)")));

        given().get("/api/v1/nights/2025-05-24").then().body("totals.launched", is(264)).body("reports", hasSize(1))
                .body("reports[0].id", org.hamcrest.Matchers.not(is((int) typed)));
        given().get("/api/v1/reports/" + typed).then().body("status", is("retracted"));
        // and the other way round: the same night filed again by hand is refused, pointing at the stored one
        Api.asWriter().body(Api.fixture("night-2025-05-24.json").replace("pfbid0abc\",", "pfbid0abc-copy\","))
                .post("/api/v1/reports").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("revise it with PUT"));
        Api.asWriter().body(Api.fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(409);
        given().get("/api/v1/nights/2025-05-24").then().body("totals.launched", is(264));
    }
}
