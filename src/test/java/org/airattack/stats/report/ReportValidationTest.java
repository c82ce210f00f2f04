package org.airattack.stats.report;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.asWriter;
import static org.airattack.stats.support.Api.fixture;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every kind of bad input of SPEC §1 is a problem document naming the field, and stores nothing. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportValidationTest {

    private static final String NIGHT = fixture("night-2025-05-24.json");

    /** Set up once: every test of this class only reads, or checks that nothing changed. */
    private boolean ready;

    @BeforeEach
    void oneStoredReport() {
        if (ready) {
            return;
        }
        ready = true;
        TestDb.reset();
        Api.post("night-2025-05-23.json");
    }

    static Stream<Arguments> badReports() {
        String tomorrow = LocalDateTime.now(ZoneId.of("Europe/Kyiv")).plusDays(1).toLocalDate() + "T08:00";
        String future = LocalDate.now(ZoneId.of("Europe/Kyiv")).plusDays(2).toString();
        return Stream.of(
                Arguments.of("negative count", NIGHT.replace("\"launched\": 250", "\"launched\": -250"), "lines[0].launched"),
                Arguments.of("fractional count", NIGHT.replace("\"launched\": 250", "\"launched\": 250.5"), "lines[0].launched"),
                Arguments.of("count above the ceiling", NIGHT.replace("\"launched\": 250", "\"launched\": 250000"), "lines[0].launched"),
                Arguments.of("huge number", NIGHT.replace("\"launched\": 250", "\"launched\": 1e300"), "lines[0].launched"),
                Arguments.of("count as a string", NIGHT.replace("\"launched\": 250", "\"launched\": \"250\""), "lines[0].launched"),
                Arguments.of("unknown source", NIGHT.replace("\"ua-air-force\"", "\"ua-airforce\""), "source"),
                Arguments.of("missing source", NIGHT.replace("\"source\": \"ua-air-force\",", ""), "source"),
                Arguments.of("unknown weapon", NIGHT.replace("\"Shahed-136/131\"", "\"Shaheed-136\""), "lines[0].weapon"),
                Arguments.of("end before start", NIGHT.replace("\"2025-05-24T08:30\"", "\"2025-05-23T08:30\""), "windowEnd"),
                Arguments.of("window longer than 31 days", NIGHT.replace("\"2025-05-23T20:30\"", "\"2025-03-01T20:30\""), "windowEnd"),
                Arguments.of("window ending in the future", NIGHT.replace("\"2025-05-24T08:30\"", "\"" + tomorrow + "\""), "windowEnd"),
                Arguments.of("date-only window ending in the future", NIGHT.replace("\"2025-05-24T08:30\"", "\"" + future + "\""), "windowEnd"),
                Arguments.of("malformed date", NIGHT.replace("\"2025-05-24T08:30\"", "\"24.05.2025 08:30\""), "windowEnd"),
                Arguments.of("impossible date", NIGHT.replace("\"2025-05-24T08:30\"", "\"2025-02-30T08:30\""), "windowEnd"),
                Arguments.of("missing window start", NIGHT.replace("\"windowStart\": \"2025-05-23T20:30\",", ""), "windowStart"),
                Arguments.of("malformed publishedAt", NIGHT.replace("\"2025-05-24T09:12:00+03:00\"", "\"soon\""), "publishedAt"),
                Arguments.of("report without lines", NIGHT.substring(0, NIGHT.indexOf("\"lines\"")) + "\"lines\": []}", "lines"),
                Arguments.of("line without weapon", NIGHT.replace("\"weapon\": \"Shahed-136/131\", ", ""), "lines[0].weapon"),
                Arguments.of("unknown field", NIGHT.replace("\"shotDown\": 128", "\"shotdown\": 128"), "lines[0].shotdown"),
                Arguments.of("lines not a list", NIGHT.substring(0, NIGHT.indexOf("\"lines\"")) + "\"lines\": 3}", "lines"),
                Arguments.of("url that is not http", NIGHT.replace("\"https://www.facebook.com/kpszsu/posts/pfbid0abc\"", "\"javascript:alert(1)\""), "url"),
                Arguments.of("negative left-airspace count", NIGHT.replace("\"suppressed\": 117}", "\"suppressed\": 117, \"leftAirspace\": {\"Belarus\": -3}}"),
                        "lines[0].leftAirspace.Belarus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void shouldRejectBadInputNamingTheFieldAndStoreNothing(String name, String body, String field) {
        int reports = Api.reportCount();
        long revisions = TestDb.count("report_revision");

        asWriter().body(body).post("/api/v1/reports").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("title", is("Invalid request"))
                .body("errors.field", hasItem(field));

        assertEquals(reports, Api.reportCount(), name);
        assertEquals(revisions, TestDb.count("report_revision"), name);
    }

    @Test
    void shouldListCloseMatchesForAnUnknownWeapon() {
        asWriter().body(NIGHT.replace("\"Shahed-136/131\"", "\"Shahed-136/13\"")).post("/api/v1/reports").then()
                .statusCode(400)
                .body("errors[0].message", containsString("did you mean"))
                .body("errors[0].message", containsString("shahed-136-131"));
    }

    @Test
    void shouldRejectMalformedJsonAndWrongContentTypes() {
        int reports = Api.reportCount();
        asWriter().body("{\"source\": \"ua-air-force\", \"lines\": [").post("/api/v1/reports").then()
                .statusCode(400).contentType("application/problem+json").body("title", is("Malformed JSON"));
        asWriter().body("").post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json");
        asWriter().body(NIGHT + " trailing").post("/api/v1/reports").then().statusCode(400);
        asWriter().contentType(ContentType.TEXT).body(NIGHT).post("/api/v1/reports").then()
                .statusCode(415).contentType("application/problem+json");
        assertEquals(reports, Api.reportCount());
    }

    @Test
    void shouldRejectABodyOverTheSizeLimit() {
        int reports = Api.reportCount();
        String padding = "x".repeat(300 * 1024);
        asWriter().body(NIGHT.replace("\"target\": \"Ukraine\"", "\"target\": \"" + padding + "\"")).post("/api/v1/reports")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(reports, Api.reportCount());
    }

    @Test
    void shouldStoreImplausibleButReportedNumbersWithWarnings() {
        String body = NIGHT.replace("\"launched\": 250, \"shotDown\": 128, \"suppressed\": 117",
                "\"launched\": 250, \"shotDown\": 200, \"suppressed\": 100")
                .replace("\"launched\": 14, \"shotDown\": 6", "\"launched\": 14, \"shotDown\": 6, \"suppressed\": 3, \"neutralised\": 5");
        long id = asWriter().body(body).post("/api/v1/reports").then().statusCode(201)
                .body("lines[0].neutralised", is(300))
                .body("warnings", hasSize(2))
                .body("warnings[0]", containsString("neutralised 300 is more than launched 250"))
                .body("warnings[1]", containsString("shot down + suppressed (9) is more than neutralised 5"))
                .extract().jsonPath().getLong("id");
        given().get("/api/v1/reports/" + id).then().body("warnings", hasSize(2));
        given().get("/api/v1/nights/2025-05-24").then().body("totals.launched", is(264))
                .body("totals.neutralised", is(305))
                .body("warnings", hasSize(2));
    }

    @Test
    void shouldKeepWithheldCountsUnknownAndFlagged() {
        String body = """
                {"source": "ua-air-force", "externalId": "withheld-2026-08-14", "windowStart": "2026-08-13T18:00",
                 "windowEnd": "2026-08-14T08:30",
                 "lines": [{"weapon": "Shahed-136/131", "launched": 120, "neutralised": 100},
                           {"weapon": "Iskander-M", "withheld": true}]}""";
        asWriter().body(body).post("/api/v1/reports").then().statusCode(201).body("lines[1].withheld", is(true))
                .body("lines[1].launched", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/nights/2026-08-14").then()
                .body("totals.launched", is(120))
                .body("flags.withheld", is(true))
                .body("flags.partial", is(true))
                .body("categories.find { it.category == 'ballistic-missile' }.launched", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/series?from=2026-08-14&to=2026-08-14&measure=launched").then()
                .body("series[0].partial[0]", is(true));
    }
}
