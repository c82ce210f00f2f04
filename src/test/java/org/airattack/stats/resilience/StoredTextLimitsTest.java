package org.airattack.stats.resilience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.airattack.stats.report.Line;
import org.airattack.stats.report.Origin;
import org.airattack.stats.report.ReportDraft;
import org.airattack.stats.report.ReportRequest;
import org.airattack.stats.report.ReportService;
import org.airattack.stats.report.ReportValidator;
import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every text the service stores fits its column (db/migration): the longest a field may be is
 * stored, one character more is a 400 naming the field, never a 500 from the database. A statement
 * that fails anyway logs no value bound to it.
 */
@QuarkusTest
class StoredTextLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORT = "/api/v1/imports/piterfm";
    private static final String CSV_HEADER = "time_start,time_end,model,launch_place,target,launched,destroyed,border_crossing,source\n";

    @Inject
    ReportValidator validator;

    @Inject
    ReportService service;

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    /** The night fixture as a mutable tree, changed by the caller. */
    @SuppressWarnings("unchecked")
    private static String night(Consumer<Map<String, Object>> change) {
        try {
            Map<String, Object> report = JSON.readValue(Api.fixture("night-2025-05-24.json"), LinkedHashMap.class);
            change.accept(report);
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> report, int i) {
        return ((List<Map<String, Object>>) report.get("lines")).get(i);
    }

    /** Countries whose JSON object as stored ({"name":1,...}) is exactly this many characters long. */
    private static Map<String, Integer> countries(int storedLength) {
        List<StringBuilder> names = new ArrayList<>();
        int length = 2;
        while (length + (names.isEmpty() ? 0 : 1) + 60 + 4 <= storedLength) {
            length += (names.isEmpty() ? 0 : 1) + 60 + 4;
            names.add(new StringBuilder("c%02d".formatted(names.size())).append("x".repeat(57)));
        }
        int missing = storedLength - length;
        for (int i = 0; missing > 0; i = (i + 1) % names.size()) {
            if (names.get(i).length() < 64) {
                names.get(i).append('y');
                missing--;
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n.toString(), 1));
        return out;
    }

    private static String text(int length) {
        return "a".repeat(length);
    }

    private static String url(int length) {
        String prefix = "https://www.facebook.com/kpszsu/posts/";
        return prefix + "p".repeat(length - prefix.length());
    }

    /** Sets a text field of a report to a text of the given length. */
    @FunctionalInterface
    interface Field {
        void accept(Map<String, Object> report, int length);
    }

    /** The longest every text field may be, and what one character more is refused as. */
    static Stream<Arguments> longestTexts() {
        return Stream.of(
                Arguments.of("target", 200, (Field) (r, n) -> r.put("target", text(n)), "target"),
                Arguments.of("externalId", 512, (Field) (r, n) -> r.put("externalId", text(n)), "externalId"),
                Arguments.of("url", 2048, (Field) (r, n) -> r.put("url", url(n)), "url"),
                Arguments.of("launch place", 1000, (Field) (r, n) -> line(r, 1).put("launchPlace", text(n)), "lines[1].launchPlace"),
                Arguments.of("left airspace as stored", 2000, (Field) (r, n) -> line(r, 0).put("leftAirspace", countries(n)),
                        "lines[0].leftAirspace"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longestTexts")
    void shouldStoreEveryTextAtItsLongestAndRefuseOneCharacterMoreNamingTheField(String name, int longest,
            Field set, String field) {
        String before = TestDb.contents();
        Api.asWriter().body(night(r -> set.accept(r, longest + 1))).post("/api/v1/reports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertEquals(before, TestDb.contents());

        long id = Api.asWriter().body(night(r -> set.accept(r, longest))).post("/api/v1/reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().get("/api/v1/reports/" + id).then().statusCode(200);
    }

    @Test
    void shouldRefuseSixtyLongCountryNamesNamingTheFieldInsteadOfFailingInTheDatabase() {
        Map<String, Integer> left = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            left.put("country-%02d-".formatted(i) + "z".repeat(43), 1);
        }
        String before = TestDb.contents();
        Api.asWriter().body(night(r -> line(r, 0).put("leftAirspace", left))).post("/api/v1/reports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("lines[0].leftAirspace"))
                .body("errors[0].message", containsString("60 countries"));
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseABundleOfMoreWeaponsThanALineCanStore() {
        // 47 catalog weapons in 378 characters: their slugs, the line's stored key, take 429
        String everything = "kub/UAV/gbu/zala/icbm/Onyx/X-22/X-31/X-32/X-35/X-59/X-69/orion/kn-23/X-101/X-31P/s-300/s-400/Shahed/lancet/"
                + "Молнія/eleron/zircon/kalibr/X-31PD/Geran-3/gerbera/Пародія/italmas/forpost/Kinzhal/X-59MK2/orlan-10/orlan-30/"
                + "supercam/granat-4/banderol/merlin-vr/mohajer-6/iskander-m/iskander-k/kh-59-kh-69/s-300-s-400/unknown-missile/"
                + "iskander-m-kn-23/ballistic-missile/reconnaissance-uav";
        String before = TestDb.contents();
        Api.asWriter().body(night(r -> line(r, 0).put("weapon", everything))).post("/api/v1/reports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("lines[0].weapon"))
                .body("errors[0].message", containsString("47 weapons"));
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldSkipDatasetReportsWhoseTextsDoNotFitNamingTheirRows() throws JsonProcessingException {
        StringBuilder dict = new StringBuilder("{");
        for (int i = 0; i < 60; i++) {
            dict.append(i == 0 ? "" : ", ").append("'country-%02d-".formatted(i)).append("z".repeat(43)).append("': 1");
        }
        String csv = CSV_HEADER
                + "2025-05-23 20:30,2025-05-24 08:30,Shahed-136/131,,Ukraine,250.0,245.0,{},kpszsu/posts/good\n"
                + "2025-05-22 20:30,2025-05-23 08:30,Shahed-136/131," + text(1001) + ",Ukraine,100.0,90.0,{},kpszsu/posts/long-place\n"
                + "2025-05-21 20:30,2025-05-22 08:30,Shahed-136/131,,Ukraine,100.0,90.0,\"" + dict + "}\",kpszsu/posts/many-countries\n"
                + "2025-05-20 20:30,2025-05-21 08:30,Shahed-136/131,,Ukraine,100.0,90.0,{},kpszsu/posts/" + text(600) + "\n";
        Api.asWriter().contentType("text/csv").body(csv).post(IMPORT).then().statusCode(200)
                .body("created", is(1)).body("skipped", is(3))
                .body("warnings.message", hasItem(containsString("row 3.launchPlace is longer than 1000 characters")))
                .body("warnings.message", hasItem(containsString("row 4.leftAirspace names 60 countries")))
                .body("warnings.message", hasItem(containsString("skipped row 5: externalId is longer than 512 characters")));
        assertEquals(1, TestDb.count("report"));
        assertEquals(1, TestDb.count("report_line"));
    }

    @Test
    void shouldLogNoValueOfAStatementTheDatabaseRefuses() {
        String secret = "SECRET-" + "s".repeat(1200);
        ReportRequest request;
        try {
            request = JSON.readValue(Api.fixture("night-2025-05-24.json"), ReportRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ReportDraft valid = validator.validate(request, ReportValidator.UnknownWeapons.REJECT);
        Line first = valid.lines().get(0);
        // a launch place of 1207 characters for a column of 1000, past the validator: the database refuses the line
        Line tooLong = new Line(first.weapon(), first.spelling(), secret, first.launched(), first.shotDown(), first.suppressed(),
                first.neutralised(), first.stillAirborne(), first.hitLocations(), first.debrisLocations(), first.leftAirspace(),
                first.shaheds(), first.withheld());
        ReportDraft draft = new ReportDraft(valid.source(), valid.externalId(), valid.target(), valid.window(), valid.url(),
                valid.publishedAt(), List.of(tooLong), valid.warnings(), valid.contentHash(), valid.additionalWave());

        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder sb = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        sb.append(' ').append(p);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                    sb.append(' ').append(t);
                }
                synchronized (logged) {
                    logged.add(sb.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        RuntimeException failure;
        try {
            failure = assertThrows(RuntimeException.class, () -> service.store(draft, Origin.API));
        } finally {
            root.removeHandler(capture);
        }

        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            assertTrue(!String.valueOf(t.getMessage()).contains("SECRET-"), "the failure names a bound value: " + t);
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                assertTrue(!String.valueOf(sql.getNextException().getMessage()).contains("SECRET-"), "the next exception names a bound value");
            }
        }
        assertTrue(logged.stream().anyMatch(l -> l.contains("value too long")), "the database's refusal is logged: " + logged);
        assertEquals(List.of(), logged.stream().filter(l -> l.contains("SECRET-")).toList());
        assertEquals(0, TestDb.count("report"));
    }
}
