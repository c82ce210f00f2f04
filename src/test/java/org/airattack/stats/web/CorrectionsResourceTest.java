package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.asWriter;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.airattack.stats.report.piterfm.PiterfmImportTest;
import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /api/v1/corrections: a change to published figures is listed with the night's figures before
 * and after and why (an edited Air Force post, a dataset re-issue, an editor's revision, a
 * retraction); a first publication and a revision that changes no figure are not; paged, and as CSV
 * and Atom.
 */
@QuarkusTest
class CorrectionsResourceTest {

    private static final String FEED = "/api/v1/corrections";
    private static final String NIGHT = "/api/v1/nights/2025-05-24";

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    private static String night(String replace, String with) {
        return Api.fixture("night-2025-05-24.json").replace(replace, with);
    }

    private static JsonPath feed(String query) {
        return given().get(FEED + query).then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private static Map<String, Object> totals(String path) {
        return given().get(path).then().statusCode(200).extract().path("totals");
    }

    /** The changes a correction lists for the night's totals, by measure: before and after. */
    private static void assertTotalsChanged(Map<String, Object> correction, Map<String, Object> before, Map<String, Object> after) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) correction.get("changes");
        int listed = 0;
        for (String measure : before.keySet()) {
            Map<String, Object> change = changes.stream()
                    .filter(c -> c.get("group").equals("total") && c.get("measure").equals(measure)).findFirst().orElse(null);
            if (java.util.Objects.equals(before.get(measure), after.get(measure))) {
                assertNull(change, measure + " did not change, yet is listed");
            } else {
                assertTrue(change != null, measure + " changed, yet is not listed");
                assertEquals(before.get(measure), change.get("before"), measure);
                assertEquals(after.get(measure), change.get("after"), measure);
                listed++;
            }
        }
        assertTrue(listed > 0);
    }

    @Test
    void shouldListNothingForAFirstPublicationOrARevisionThatChangesNoFigure() {
        long id = Api.post("night-2025-05-24.json");
        Api.post("night-2025-05-23.json");
        given().get(FEED).then().body("corrections", empty()).body("total", is(0)).body("next", nullValue());

        // a new revision with other provenance, the figures the same
        asWriter().body(night("\"url\": \"https://www.facebook.com/kpszsu/posts/pfbid0abc\"",
                "\"url\": \"https://t.me/kpszsu/12345\"")).put("/api/v1/reports/" + id).then().statusCode(200).body("revision", is(2));
        given().get(FEED).then().body("corrections", empty());
    }

    @Test
    void shouldListAnEditorsRevisionWithTheNightsFiguresBeforeAndAfter() {
        long id = Api.post("night-2025-05-24.json");
        Map<String, Object> before = totals(NIGHT);
        asWriter().body(night("\"launched\": 250", "\"launched\": 255")).put("/api/v1/reports/" + id).then().statusCode(200);
        Map<String, Object> after = totals(NIGHT);
        String recordedAt = AsOfResourceTest.recordedAt(id, 2);

        JsonPath page = feed("?source=ua-air-force");
        assertEquals(1, page.getInt("total"));
        Map<String, Object> c = page.getMap("corrections[0]");
        assertEquals(id + "-2-2025-05-24", c.get("id"));
        assertEquals("ua-air-force", c.get("source"));
        assertEquals("night", c.get("period"));
        assertEquals("2025-05-24", c.get("date"));
        assertEquals((int) id, c.get("reportId"));
        assertEquals("kpszsu/posts/pfbid0abc", c.get("externalId"));
        assertEquals(2, c.get("revision"));
        assertEquals(recordedAt, c.get("recordedAt"));
        assertEquals("editor-revision", c.get("reason"));
        assertTotalsChanged(c, before, after);
        given().get("/api/v1/reports/" + id + "/revisions").then().body("origin", contains("api", "api"));
        given().get(FEED + "?source=ua-air-force").then()
                .body("corrections[0].changes.find { it.group == 'drone' && it.measure == 'launched' }.before", is(250))
                .body("corrections[0].changes.find { it.group == 'drone' && it.measure == 'launched' }.after", is(255))
                .body("corrections[0].changes.find { it.group == 'ballistic-missile' }", nullValue());
        given().get(FEED + "?source=ru-mod").then().body("corrections", empty());
        given().get(FEED + "?from=2025-05-25").then().body("corrections", empty());
        given().get(FEED + "?to=2025-05-24").then().body("corrections", hasSize(1));
    }

    @Test
    void shouldListARetractionAndTheNightsFiguresGoingUnknown() {
        long id = Api.post("night-2025-05-24.json");
        Map<String, Object> before = totals(NIGHT);
        String retractedAt = AsOfResourceTest.retract(id);

        Map<String, Object> c = feed("").getMap("corrections[0]");
        assertEquals("retraction", c.get("reason"));
        assertEquals(id + "-1-retracted-2025-05-24", c.get("id"));
        assertEquals(retractedAt, c.get("retractedAt"));
        assertFalse(c.containsKey("recordedAt"));
        Map<String, Object> unknown = new java.util.HashMap<>();
        before.keySet().forEach(k -> unknown.put(k, null));
        assertTotalsChanged(c, before, unknown);
    }

    @Test
    void shouldListARevisionOfAnAdditionalWaveWithTheWholeNightsFigures() {
        Api.post("night-2025-05-24.json");
        String wave = """
                {"source": "ua-air-force", "externalId": "kpszsu/wave-0524", "target": "Ukraine", "additionalWave": true,
                 "windowStart": "2025-05-24T03:00", "windowEnd": "2025-05-24T04:00",
                 "lines": [{"weapon": "X-101/X-555", "launched": %d, "shotDown": 3}]}""";
        long waveId = asWriter().body(wave.formatted(3)).post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        // the wave's first publication adds to the night, but corrects nothing
        given().get(FEED).then().body("corrections", empty());
        Map<String, Object> before = totals(NIGHT);

        asWriter().body(wave.formatted(4)).post("/api/v1/reports").then().statusCode(200).body("revision", is(2));
        Map<String, Object> after = totals(NIGHT);
        Map<String, Object> c = feed("").getMap("corrections[0]");
        assertEquals((int) waveId, c.get("reportId"));
        assertTotalsChanged(c, before, after);
    }

    @Test
    void shouldListAnEditedAirForcePostAsPostEdited() {
        String path = "/api/v1/imports/air-force-post";
        String url = "https://t.me/kpszsu/72214";
        String text = Api.resource("air-force-posts/12.txt");
        given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).contentType("text/plain; charset=UTF-8")
                .queryParam("url", url).queryParam("acceptDisagreement", "true") // its headline says 96, its items 95
                .body(text).post(path).then().statusCode(201);
        Map<String, Object> before = totals("/api/v1/nights/2026-08-10");
        given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).contentType("text/plain; charset=UTF-8")
                .queryParam("url", url).body(text.replace("збито/подавлено 92 ворожі БпЛА", "збито/подавлено 93 ворожі БпЛА"))
                .post(path).then().statusCode(200).body("revision", is(2));
        Map<String, Object> after = totals("/api/v1/nights/2026-08-10");
        assertNotEquals(before, after);

        Map<String, Object> c = feed("").getMap("corrections[0]");
        assertEquals("post-edited", c.get("reason"));
        given().get("/api/v1/reports/" + c.get("reportId") + "/revisions").then()
                .body("origin", contains("post", "post"));
        assertEquals("2026-08-10", c.get("date"));
        assertEquals(url, c.get("url"));
        assertTotalsChanged(c, before, after);
    }

    @Test
    void shouldListADatasetReissueThatRevisesAnOldRowButNotOneThatOnlyRenames() {
        PiterfmImportTest.importCsv(PiterfmImportTest.csv("edition-2025-05.csv"), "").statusCode(200);
        // the newer edition renames and adds rows: new reports and no revised figure
        PiterfmImportTest.importCsv(PiterfmImportTest.csv("edition-2026-06.csv"), "").statusCode(200);
        given().get(FEED).then().body("corrections", empty());

        Map<String, Object> before = totals(NIGHT);
        PiterfmImportTest.importCsv(PiterfmImportTest.csv("edition-2026-06.csv").replace(
                "2025-05-23 20:30,2025-05-24 08:30,Iskander-M/KN-23,Crimea and Bryansk oblast and Taganrog and Yeysk,Ukraine,,14.0,6.0",
                "2025-05-23 20:30,2025-05-24 08:30,Iskander-M/KN-23,Crimea and Bryansk oblast and Taganrog and Yeysk,Ukraine,,14.0,7.0"), "")
                .statusCode(200).body("reports.revised", is(1));
        Map<String, Object> after = totals(NIGHT);

        JsonPath page = feed("");
        assertEquals(1, page.getInt("total"));
        Map<String, Object> c = page.getMap("corrections[0]");
        assertEquals("dataset-reissue", c.get("reason"));
        given().get("/api/v1/reports/" + c.get("reportId") + "/revisions").then()
                .body("origin", contains("dataset", "dataset"));
        assertTrue(((String) c.get("externalId")).startsWith("piterfm:"));
        assertTotalsChanged(c, before, after);
    }

    /** Three corrections, newest first: a revision of one report, its retraction, and a revision of another. */
    private static List<String> threeCorrections() {
        long a = Api.post("night-2025-05-24.json");
        long b = Api.post("night-2025-05-23.json");
        asWriter().body(night("\"launched\": 250", "\"launched\": 251")).put("/api/v1/reports/" + a).then().statusCode(200);
        asWriter().body(Api.fixture("night-2025-05-23.json").replace("\"launched\": 175", "\"launched\": 176"))
                .put("/api/v1/reports/" + b).then().statusCode(200);
        asWriter().delete("/api/v1/reports/" + a).then().statusCode(204);
        return List.of(a + "-2-retracted-2025-05-24", b + "-2-2025-05-23", a + "-2-2025-05-24");
    }

    @Test
    void shouldPageNewestFirstByCursor() {
        List<String> expected = threeCorrections();
        assertEquals(expected, feed("").getList("corrections.id"));

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = feed("?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(3, page.getInt("total"));
            walked.addAll(page.getList("corrections.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(expected, walked);

        given().get(FEED + "?cursor=no-such-correction").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("cursor"));
        given().get(FEED + "?limit=0").then().statusCode(400).body("errors[0].field", is("limit"));
        given().get(FEED + "?limit=many").then().statusCode(400).body("errors[0].field", is("limit"));
        given().get(FEED + "?source=nowhere").then().statusCode(400).body("errors[0].field", is("source"));
    }

    @Test
    void shouldAnswerCsvWithOneRowPerChangedFigure() throws Exception {
        threeCorrections();
        JsonPath json = feed("");
        String csv = given().accept("text/csv").get(FEED).then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals(csv, given().get(FEED + "?format=csv").then().statusCode(200).extract().asString());

        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(new StringReader(csv))) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(CsvTables.CORRECTION_COLUMNS, List.copyOf(rows.get(0).keySet()));
        int changes = 0;
        for (int i = 0; i < json.getList("corrections").size(); i++) {
            String id = json.getString("corrections[" + i + "].id");
            List<Map<String, Object>> listed = json.getList("corrections[" + i + "].changes");
            List<Map<String, String>> ofIt = rows.stream().filter(r -> r.get("id").equals(id)).toList();
            assertEquals(listed.size(), ofIt.size(), id);
            for (int j = 0; j < listed.size(); j++) {
                Map<String, Object> change = listed.get(j);
                Map<String, String> row = ofIt.get(j);
                assertEquals(change.get("group"), row.get("group"));
                assertEquals(change.get("measure"), row.get("measure"));
                assertEquals(change.get("before") == null ? "" : change.get("before").toString(), row.get("before"));
                assertEquals(change.get("after") == null ? "" : change.get("after").toString(), row.get("after"));
                assertEquals(json.getString("corrections[" + i + "].reason"), row.get("reason"));
            }
            changes += listed.size();
        }
        assertEquals(changes, rows.size());
        assertTrue(rows.get(0).get("attribution").contains("Petro Ivaniuk"));
    }

    @Test
    void shouldAnswerAnAtomFeedWithAnEntryPerCorrection() throws Exception {
        List<String> expected = threeCorrections();
        String xml = given().accept("application/atom+xml").get(FEED + "?source=ua-air-force&limit=2").then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString();
        assertEquals(xml, given().get(FEED + "?source=ua-air-force&limit=2&format=atom").then().statusCode(200).extract().asString());
        given().accept("application/atom+xml").get("/api/v1/series").then().statusCode(406);

        WireFeedInput input = new WireFeedInput();
        Feed feed = (Feed) input.build(new StringReader(xml));
        assertEquals("atom_1.0", feed.getFeedType());
        assertTrue(feed.getRights().contains("Ukrainian Air Force"));
        assertTrue(feed.getRights().contains("Petro Ivaniuk"));
        assertTrue(feed.getSubtitle().getValue().contains("Petro Ivaniuk"));
        List<Entry> entries = feed.getEntries();
        assertEquals(2, entries.size());
        JsonPath json = feed("?source=ua-air-force&limit=2");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            assertEquals(CorrectionsAtomWriter.TAG + "correction:" + expected.get(i), e.getId());
            String date = json.getString("corrections[" + i + "].date");
            assertTrue(e.getTitle().startsWith("Correction: " + date + " national night — "), e.getTitle());
            assertEquals("Ukrainian Air Force via air-attack-stats", e.getAuthors().get(0).getName());
            assertEquals("/nights/" + date + "?source=ua-air-force&period=night", e.getAlternateLinks().get(0).getHref());
            // Atom dates (RFC 3339) as Rome writes them: whole seconds
            String changedAt = json.getString("corrections[" + i + "].recordedAt") != null
                    ? json.getString("corrections[" + i + "].recordedAt") : json.getString("corrections[" + i + "].retractedAt");
            assertEquals(Instant.parse(changedAt).truncatedTo(ChronoUnit.SECONDS), e.getUpdated().toInstant());
        }
        Map<String, Object> first = json.getMap("corrections[1]");
        @SuppressWarnings("unchecked")
        Map<String, Object> change = ((List<Map<String, Object>>) first.get("changes")).get(0);
        assertTrue(entries.get(1).getTitle().contains(change.get("measure") + " " + change.get("before") + " → " + change.get("after")),
                entries.get(1).getTitle());
        assertTrue(entries.get(0).getTitle().contains(" — retracted: "), entries.get(0).getTitle());
        Link next = feed.getOtherLinks().stream().filter(l -> "next".equals(l.getRel())).findFirst().orElseThrow();
        assertTrue(next.getHref().contains("cursor=" + json.getString("next")), next.getHref());

        // ids are stable: the same correction keeps its id when newer ones arrive
        long c = Api.post("night-2025-10-26.json");
        asWriter().body(Api.fixture("night-2025-10-26.json").replace("\"launched\": ", "\"launched\": 1")).put("/api/v1/reports/" + c)
                .then().statusCode(200);
        Feed later = (Feed) input.build(new StringReader(given().get(FEED + "?source=ua-air-force&format=atom").then().extract().asString()));
        assertEquals(entries.get(0).getId(), later.getEntries().get(1).getId());
    }

    @Test
    void shouldDescribeTheFeedAndAsOfInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/corrections'.get.parameters.name", hasItem("cursor"))
                .body("paths.'/api/v1/corrections'.get.parameters.find { it.name == 'limit' }.schema.type", is("integer"))
                .body("paths.'/api/v1/corrections'.get.responses.'200'.content.'application/atom+xml'.schema.description",
                        containsString("Atom"))
                .body("paths.'/api/v1/corrections'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/CorrectionsPage"))
                .body("components.schemas.Change.properties.before.type", hasItem("null"))
                .body("paths.'/api/v1/nights/{date}'.get.parameters.find { it.name == 'asOf' }.schema.format", is("date-time"))
                .body("paths.'/api/v1/series'.get.parameters.find { it.name == 'asOf' }.schema.type", is("string"))
                .body("paths.'/api/v1/summary'.get.parameters.name", hasItem("asOf"));
    }
}
