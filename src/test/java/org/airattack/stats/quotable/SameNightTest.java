package org.airattack.stats.quotable;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * One night, one report (issue 15, item 1): the night to 23 May 2025 filed twice — the dataset's report
 * (22:30 → 13:00) and the seed article's relay (18:00 → 08:00, the same 175 Shaheds and 1 Iskander-M) —
 * is counted once; a real second wave is counted, warned about and flagged.
 */
@QuarkusTest
class SameNightTest {

    private static final String NIGHT = "/api/v1/nights/2025-05-23";

    /** The dataset's report of the night, as the JSON API takes it. */
    private static final String DATASET_COPY = """
            {"source": "ua-air-force", "externalId": "dataset-copy", "target": "Ukraine",
             "windowStart": "2025-05-22T22:30", "windowEnd": "2025-05-23T13:00",
             "lines": [{"weapon": "Shahed-136/131", "launched": 175, "shotDown": 91, "suppressed": 59},
                       {"weapon": "Iskander-M", "launched": 1, "shotDown": 0}]}""";

    /** The news relay of the same night: launched only, another window. */
    private static String relay(String extra) {
        return """
                {"source": "ua-air-force", "externalId": "relay", "target": "Ukraine",
                 "windowStart": "2025-05-22T18:00", "windowEnd": "2025-05-23T08:00", %s
                 "lines": [{"weapon": "Shahed-136/131", "launched": 175}, {"weapon": "Iskander-M/KN-23", "launched": 1}]}"""
                .formatted(extra);
    }

    private static final String CSV_HEADER = "time_start,time_end,model,launch_place,target,launched,destroyed,not_reach_goal,source\n";
    private static final String CSV_NIGHT = """
            2025-05-22 22:30,2025-05-23 13:00,Shahed-136/131,Kursk oblast,Ukraine,175.0,91.0,59.0,kpszsu/posts/pfbid0night0523
            2025-05-22 22:30,2025-05-23 13:00,Iskander-M,Rostov oblast,Ukraine,1.0,0.0,,kpszsu/posts/pfbid0night0523
            """;

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    @Test
    void shouldRefuseTheSameNightFiledAgainUnderAnotherWindowAndNameTheReportItRepeats() {
        long dataset = Api.asWriter().body(DATASET_COPY).post("/api/v1/reports").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.asWriter().body(relay("")).post("/api/v1/reports").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("report " + dataset))
                .body("detail", containsString("additionalWave"));
        given().get(NIGHT).then().statusCode(200).body("totals.launched", is(176)).body("flags.overlap", is(false));
        given().get("/api/v1/summary").then().body("latestNight.totals.launched", is(176));
        given().get("/api/v1/series?interval=year&measure=launched").then().body("series[0].values[0]", is(176));
    }

    @Test
    void shouldCountAWaveItsWriterMarksAsAdditionalAndFlagTheNight() {
        Api.asWriter().body(DATASET_COPY).post("/api/v1/reports").then().statusCode(201);
        Api.asWriter().body(relay("\"additionalWave\": true,")).post("/api/v1/reports").then().statusCode(201)
                .body("additionalWave", is(true))
                .body("warnings", hasItem(containsString("overlaps report")));
        given().get(NIGHT).then().statusCode(200).body("totals.launched", is(352)).body("flags.overlap", is(true));
        given().get("/api/v1/nights").then().body("nights[0].flags.overlap", is(true));
    }

    @Test
    void shouldCountAndFlagAnOverlappingLateWaveWithOtherCounts() {
        Api.asWriter().body(DATASET_COPY).post("/api/v1/reports").then().statusCode(201);
        Api.asWriter().body("""
                {"source": "ua-air-force", "externalId": "late-wave", "target": "Ukraine",
                 "windowStart": "2025-05-23T03:00", "windowEnd": "2025-05-23T04:00",
                 "lines": [{"weapon": "X-101/X-555", "launched": 5, "shotDown": 4}]}""").post("/api/v1/reports").then()
                .statusCode(201).body("warnings", hasItem(containsString("both are counted")));
        given().get(NIGHT).then().statusCode(200).body("totals.launched", is(181)).body("flags.overlap", is(true))
                .body("warnings", hasItem(containsString("overlaps report")));
        given().get("/api/v1/nights?format=csv").then().statusCode(200)
                .body(containsString("partial,withheld,span,overlap,attribution"));
    }

    @Test
    void shouldLetTheDatasetReplaceTheRelayOfItsNightOnImport() {
        long relay = Api.asWriter().body(relay("")).post("/api/v1/reports").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        given().get(NIGHT).then().body("totals.launched", is(176));
        Api.asWriter().contentType("text/csv").body(CSV_HEADER + CSV_NIGHT).post("/api/v1/imports/piterfm").then()
                .statusCode(200).body("reports.superseded", is(1))
                .body("warnings.message", hasItem(containsString("report " + relay)));
        given().get(NIGHT).then().statusCode(200).body("totals.launched", is(176)).body("totals.shotDown", is(91))
                .body("reports.size()", is(1)).body("flags.overlap", is(false));
        given().get("/api/v1/reports/" + relay).then().body("status", is("retracted"));
    }

    @Test
    void shouldWarnAboutOverlappingWavesInsideTheDatasetAndCountBoth() {
        String lateWave = "2025-05-23 03:00,2025-05-23 04:00,X-101/X-555,Saratov oblast,Ukraine,5.0,4.0,,kpszsu/posts/pfbid0wave0523\n";
        Api.asWriter().contentType("text/csv").body(CSV_HEADER + CSV_NIGHT + lateWave).post("/api/v1/imports/piterfm").then()
                .statusCode(200).body("reports.created", is(2))
                .body("warnings.message", hasItem(containsString("overlaps the dataset's report")));
        given().get(NIGHT).then().body("totals.launched", is(181)).body("flags.overlap", is(true));
        assertEquals(2, Api.reportCount());
    }
}
