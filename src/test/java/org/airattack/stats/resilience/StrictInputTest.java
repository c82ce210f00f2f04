package org.airattack.stats.resilience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Input that would be stored as something other than what it says is refused: bytes that are not
 * strict UTF-8, lone surrogates, a field named twice, a window before 2000, and the invisible
 * formatting characters (bidi controls and the like) in any text that is stored, whether it comes as
 * JSON, as a dataset CSV or as an Air Force post. Each is a 400 naming what is wrong; nothing is
 * stored.
 */
@QuarkusTest
class StrictInputTest {

    private static final String NIGHT = Api.fixture("night-2025-05-24.json");
    private static final String PROBLEM = "application/problem+json";
    private static final String CSV = "time_start,time_end,model,launch_place,target,launched,destroyed,source\n";

    private String before;

    @BeforeEach
    void oneStoredReport() {
        TestDb.reset();
        Api.post("night-2025-05-23.json");
        before = TestDb.contents();
    }

    /** The night with these bytes in place of the 'r' of its target, "Ukraine". */
    private static byte[] withTargetBytes(int... bytes) {
        int at = NIGHT.indexOf("Ukraine") + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(NIGHT.substring(0, at).getBytes(StandardCharsets.UTF_8));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes(NIGHT.substring(at + 1).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Stream<Arguments> notUtf8() {
        return Stream.of(
                Arguments.of("overlong '/' in two bytes", new int[] { 0xC0, 0xAF }),
                Arguments.of("overlong '/' in three bytes", new int[] { 0xE0, 0x80, 0xAF }),
                Arguments.of("overlong in four bytes", new int[] { 0xF0, 0x80, 0x80, 0xAF }),
                Arguments.of("an encoded surrogate", new int[] { 0xED, 0xA0, 0x80 }),
                Arguments.of("beyond U+10FFFF", new int[] { 0xF4, 0x90, 0x80, 0x80 }),
                Arguments.of("a five-byte form", new int[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }),
                Arguments.of("a stray continuation byte", new int[] { 0x80 }),
                Arguments.of("a cut-off sequence", new int[] { 0xE2, 0x82 }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void shouldRefuseBytesThatAreNotStrictUtf8(String name, int[] bytes) {
        Api.asWriter().body(withTargetBytes(bytes)).post("/api/v1/reports").then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith(":malformed-json"))
                .body("detail", containsString("UTF-8"));
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldStoreTextOutsideAsciiAsSent() {
        String target = "Україна, Київ 🚀 \uD83C\uDDFA\uD83C\uDDE6";
        long id = Api.asWriter().body(NIGHT.replace("\"Ukraine\"", "\"" + target + "\"").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/api/v1/reports/" + id).then().body("target", is(target));
        // another night: the same night again with the same counts would be refused as filed twice
        long escaped = Api.asWriter().body(NIGHT.replace("\"Ukraine\"", "\"rocket \\ud83d\\ude80\"")
                .replace("kpszsu/posts/pfbid0abc\"", "kpszsu/posts/escaped\"")
                .replace("2025-05-23T20:30", "2025-05-20T20:30").replace("2025-05-24T08:30", "2025-05-21T08:30"))
                .post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/api/v1/reports/" + escaped).then().body("target", is("rocket 🚀"));
    }

    @Test
    void shouldRefuseLoneSurrogatesNamingTheField() {
        for (String lone : new String[] { "\\ud800", "\\udfff", "\\ude80\\ud83d" }) {
            Api.asWriter().body(NIGHT.replace("\"Ukraine\"", "\"Ukr" + lone + "aine\"")).post("/api/v1/reports").then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", is("target"))
                    .body("errors[0].message", containsString("unpaired surrogate"));
        }
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseAFieldNamedTwice() {
        Api.asWriter().body(NIGHT.replace("\"source\": \"ua-air-force\",", "\"source\": \"ua-air-force\", \"source\": \"ru-mod\","))
                .post("/api/v1/reports").then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith(":malformed-json")).body("detail", containsString("Duplicate field 'source'"));
        Api.asWriter().body(NIGHT.replace("\"launched\": 250,", "\"launched\": 25, \"launched\": 250,"))
                .post("/api/v1/reports").then().statusCode(400).body("detail", containsString("Duplicate field 'launched'"));
        Api.asWriter().body(NIGHT.replace("\"suppressed\": 117}", "\"suppressed\": 117, \"leftAirspace\": {\"Belarus\": 1, \"Belarus\": 9}}"))
                .post("/api/v1/reports").then().statusCode(400).body("detail", containsString("Duplicate field 'Belarus'"));
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseWindowsBefore2000NamingTheField() {
        Api.asWriter().body(NIGHT.replace("2025-05-23T20:30", "1970-01-01T20:30").replace("2025-05-24T08:30", "1970-01-02T08:30"))
                .post("/api/v1/reports").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("windowStart")).body("errors[0].message", containsString("before 2000-01-01"));
        Api.asWriter().body(NIGHT.replace("2025-05-23T20:30", "1999-12-31T20:30").replace("2025-05-24T08:30", "2000-01-01T08:30"))
                .post("/api/v1/reports").then().statusCode(400).body("errors[0].field", is("windowStart"));
        assertEquals(before, TestDb.contents());
        Api.asWriter().body(NIGHT.replace("2025-05-23T20:30", "2000-01-01").replace("2025-05-24T08:30", "2000-01-01T08:30"))
                .post("/api/v1/reports").then().statusCode(201);
    }

    /** The bidi controls and their kin (Unicode category Cf) that the probe named, and two more. */
    static IntStream formattingCharacters() {
        return IntStream.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0xFEFF);
    }

    @ParameterizedTest(name = "U+{0}")
    @MethodSource("formattingCharacters")
    void shouldRefuseInvisibleFormattingInTheTargetNamingIt(int c) {
        Api.asWriter().body(NIGHT.replace("\"Ukraine\"", "\"Ukr" + Character.toString(c) + "aine\"")).post("/api/v1/reports").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("target"))
                .body("errors[0].message", containsString(String.format("U+%04X", c)));
        assertEquals(before, TestDb.contents());
    }

    static Stream<Arguments> storedTexts() {
        String rlo = "\u202E";
        return Stream.of(
                Arguments.of("externalId", NIGHT.replace("pfbid0abc\",\n  \"target\"", "pfbid0abc" + rlo + "\",\n  \"target\"")),
                Arguments.of("url", NIGHT.replace("posts/pfbid0abc\",\n  \"publishedAt\"", "posts/pfbid0abc" + rlo + "\",\n  \"publishedAt\"")),
                Arguments.of("lines[0].weapon", NIGHT.replace("\"Shahed-136/131\"", "\"Shahed-136/131" + rlo + "\"")),
                Arguments.of("lines[1].launchPlace", NIGHT.replace("\"launched\": 14", "\"launchPlace\": \"Kursk" + rlo + "\", \"launched\": 14")),
                Arguments.of("lines[0].leftAirspace", NIGHT.replace("\"suppressed\": 117}",
                        "\"suppressed\": 117, \"leftAirspace\": {\"Bela" + rlo + "rus\": 1}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedTexts")
    void shouldRefuseABidiControlInAnyStoredTextNamingTheField(String field, String body) {
        Api.asWriter().body(body).post("/api/v1/reports").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseADatasetFileWithABidiControlInACellNamingRowAndColumn() {
        String csv = CSV + "2025-05-23 20:30,2025-05-24 08:30,Shahed-136/131,,Ukraine,250.0,245.0,kpszsu/posts/one\n"
                + "2025-05-22 20:30,2025-05-23 08:30,Shahed-136/131,,Ukr\u202Eaine,100.0,90.0,kpszsu/posts/two\n";
        Api.asWriter().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/piterfm").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("row 3.target"))
                .body("errors[0].message", containsString("U+202E"));
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseADatasetFileThatIsNotStrictUtf8NamingTheRow() {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes((CSV + "2025-05-23 20:30,2025-05-24 08:30,Shahed-136/131,,Ukraine,250.0,245.0,kpszsu/posts/one\n"
                + "2025-05-22 20:30,2025-05-23 08:30,Shahed-136/131,,Ukr").getBytes(StandardCharsets.UTF_8));
        csv.write(0xC0);
        csv.write(0xAF);
        csv.writeBytes("aine,100.0,90.0,kpszsu/posts/two\n".getBytes(StandardCharsets.UTF_8));
        Api.asWriter().contentType("text/csv").body(csv.toByteArray()).post("/api/v1/imports/piterfm").then().statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("row 3: the file is not UTF-8"));
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseAnAirForcePostWithABidiControlNamingItsLine() {
        String post = Api.resource("air-force-posts/02.txt");
        String hostile = post.replace("декілька ворожих БпЛА", "декілька \u202Eворожих БпЛА");
        given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).contentType("text/plain; charset=UTF-8")
                .queryParam("publishedAt", "2026-06-26T06:03:36+00:00").body(hostile.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/air-force-post").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("body"))
                .body("errors[0].message", containsString("U+202E"));
        given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).contentType("text/plain; charset=UTF-8")
                .queryParam("publishedAt", "2026-06-26T06:03:36+00:00").queryParam("url", "https://t.me/kpszsu/66440\u202E")
                .body(post.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/air-force-post").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("url"));
        assertEquals(before, TestDb.contents());
    }
}
