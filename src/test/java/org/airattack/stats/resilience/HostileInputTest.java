package org.airattack.stats.resilience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A corpus of hostile requests: each gets a clear 4xx, never a 5xx, and afterwards the stored data
 * is exactly what it was. Injection-shaped text is stored as text and read back verbatim.
 */
@QuarkusTest
class HostileInputTest {

    private record Case(String name, int expected, IntSupplier request) {

        Case(String name, int expected, Supplier<Response> request) {
            this(name, expected, () -> request.get().statusCode());
        }
    }

    /**
     * The status a server answers to the headers of an oversized upload. Over a raw socket: the
     * server refuses before the body is sent and closes, which a client still writing sees as a
     * broken pipe.
     */
    private static int rawStatus(String path, String contentType, long contentLength) {
        try (Socket socket = new Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String auth = java.util.Base64.getEncoder().encodeToString((Api.WRITER + ":" + Api.WRITER_PASSWORD).getBytes(StandardCharsets.UTF_8));
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write("time_start,time_end\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String NIGHT = Api.fixture("night-2025-05-24.json");

    private static RequestSpecification writer() {
        return Api.asWriter();
    }

    private static String nested(int depth) {
        return "{\"source\": \"ua-air-force\", \"lines\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    private static List<Case> corpus() {
        byte[] invalidUtf8 = NIGHT.replace("Ukraine", "Ukr\u0000aine").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[NIGHT.indexOf("Ukraine") + 3] = (byte) 0xC3;
        List<Case> c = new ArrayList<>();
        c.add(new Case("JSON body over the JSON limit", 413, () -> writer().body(NIGHT.replace("Ukraine", "x".repeat(400_000))).post("/api/v1/reports")));
        c.add(new Case("import over the HTTP body limit", 413, () -> rawStatus("/api/v1/imports/piterfm", "text/csv", 60L * 1024 * 1024)));
        c.add(new Case("deep nesting", 400, () -> writer().body(nested(500)).post("/api/v1/reports")));
        c.add(new Case("moderate nesting in the wrong place", 400, () -> writer().body(nested(20)).post("/api/v1/reports")));
        c.add(new Case("invalid UTF-8", 400, () -> writer().body(invalidUtf8).post("/api/v1/reports")));
        c.add(new Case("NUL inside a string", 400, () -> writer().body(NIGHT.replace("Ukraine", "Ukr\\u0000aine")).post("/api/v1/reports")));
        c.add(new Case("a number with a thousand digits", 400, () -> writer().body(NIGHT.replace("250", "9".repeat(1000))).post("/api/v1/reports")));
        c.add(new Case("an exponent beyond doubles", 400, () -> writer().body(NIGHT.replace("250", "1e999999999")).post("/api/v1/reports")));
        c.add(new Case("a count beyond int", 400, () -> writer().body(NIGHT.replace("250", "99999999999999999999")).post("/api/v1/reports")));
        c.add(new Case("negative zero and friends", 400, () -> writer().body(NIGHT.replace("250", "-0.5")).post("/api/v1/reports")));
        c.add(new Case("text/plain body", 415, () -> writer().contentType(ContentType.TEXT).body(NIGHT).post("/api/v1/reports")));
        c.add(new Case("XML body", 415, () -> writer().contentType(ContentType.XML).body("<report/>").post("/api/v1/reports")));
        c.add(new Case("form body", 415, () -> writer().contentType(ContentType.URLENC).formParam("source", "ua-air-force").post("/api/v1/reports")));
        c.add(new Case("JSON array instead of a report", 400, () -> writer().body("[" + NIGHT + "]").post("/api/v1/reports")));
        c.add(new Case("null body", 400, () -> writer().body("null").post("/api/v1/reports")));
        c.add(new Case("lines holding null", 400, () -> writer().body(NIGHT.replace("\"lines\": [", "\"lines\": [null, ")).post("/api/v1/reports")));
        c.add(new Case("too many lines", 400, () -> writer().body(manyLines(250)).post("/api/v1/reports")));
        c.add(new Case("an absurd offset", 400, () -> writer().body(NIGHT.replace("\"2025-05-24T08:30\"", "\"2025-05-24T08:30+99:00\"")).post("/api/v1/reports")));
        c.add(new Case("a very long source", 400, () -> writer().body(NIGHT.replace("\"ua-air-force\"", "\"" + "s".repeat(5000) + "\"")).post("/api/v1/reports")));
        c.add(new Case("SQL in the source", 400, () -> writer().body(NIGHT.replace("\"ua-air-force\"", "\"ua-air-force'; drop table report; --\"")).post("/api/v1/reports")));
        c.add(new Case("a CSV import that is JSON", 400, () -> writer().contentType("text/csv").body(NIGHT).post("/api/v1/imports/piterfm")));
        c.add(new Case("a CSV import of binary noise", 400, () -> writer().contentType("text/csv").body(new byte[] { 0x1f, (byte) 0x8b, 8, 0, (byte) 0xff, (byte) 0xfe, 0x00, 0x41 }).post("/api/v1/imports/piterfm")));
        c.add(new Case("an import with a bad onMissing", 400, () -> writer().contentType("text/csv").body("time_start\n").post("/api/v1/imports/piterfm?onMissing=';--")));
        c.add(new Case("a bad date parameter", 400, () -> given().get("/api/v1/series?from=yesterday")));
        c.add(new Case("script in a measure", 400, () -> given().get("/api/v1/series?measure=<script>alert(1)</script>")));
        c.add(new Case("an unbounded filled range", 400, () -> given().get("/api/v1/series?fill=zero&from=2000-01-01&to=2100-12-31")));
        c.add(new Case("a year far in the past", 400, () -> given().get("/api/v1/series?from=0001-01-01")));
        c.add(new Case("a huge page size", 400, () -> given().get("/api/v1/reports?size=100000000")));
        c.add(new Case("a negative page", 400, () -> given().get("/api/v1/reports?page=-1")));
        c.add(new Case("a page beyond int", 400, () -> given().get("/api/v1/reports?page=99999999999999")));
        c.add(new Case("SQL in a source parameter", 400, () -> given().get("/api/v1/nights/2025-05-24?source=' OR 1=1 --")));
        c.add(new Case("a path traversal as weapon", 400, () -> given().get("/api/v1/series?weapon=../../etc/passwd")));
        c.add(new Case("an impossible date in the path", 400, () -> given().get("/api/v1/nights/9999-99-99")));
        c.add(new Case("SQL as report id", 404, () -> given().get("/api/v1/reports/1 OR 1=1")));
        c.add(new Case("a negative report id", 404, () -> writer().delete("/api/v1/reports/-1")));
        c.add(new Case("an id beyond long", 404, () -> given().get("/api/v1/reports/99999999999999999999999")));
        c.add(new Case("a method that does not exist here", 405, () -> writer().body(NIGHT).patch("/api/v1/reports")));
        c.add(new Case("garbage Basic credentials", 401, () -> given().header("Authorization", "Basic !!!notbase64").contentType(ContentType.JSON).body(NIGHT).post("/api/v1/reports")));
        c.add(new Case("a CSV summary", 406, () -> given().accept("text/csv").get("/api/v1/summary")));
        c.add(new Case("garbage conditional headers", 200, () -> given().header("If-None-Match", "\u00ff\u00fe garbage").header("If-Modified-Since", "yesterday").get("/api/v1/series")));
        c.add(new Case("two hundred repeated measures", 200, () -> given().get("/api/v1/series?measure=" + "launched,".repeat(200) + "launched")));
        c.add(new Case("a query string longer than the server reads", 414, () -> given().get("/api/v1/series?measure=" + "launched,".repeat(1000) + "launched")));
        return c;
    }

    private static String manyLines(int n) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"weapon\": \"Kalibr\", \"launched\": 1}");
        }
        return NIGHT.substring(0, NIGHT.indexOf("\"lines\"")) + "\"lines\": [" + lines + "]}";
    }

    @Test
    void shouldAnswerEveryHostileRequestWithoutA5xxAndChangeNothing() {
        TestDb.reset();
        Api.post("night-2025-05-24.json");
        Api.post("ru-mod-2025-05-23.json");
        String reportsBefore = given().get("/api/v1/reports?size=500").then().extract().path("items").toString();
        long revisions = TestDb.count("report_revision");
        long lines = TestDb.count("report_line");

        List<Case> corpus = corpus();
        assertTrue(corpus.size() >= 30, "the corpus has " + corpus.size() + " requests");
        List<String> wrong = new ArrayList<>();
        for (Case c : corpus) {
            int status = c.request().getAsInt();
            if (status != c.expected()) {
                wrong.add(c.name() + ": expected " + c.expected() + ", got " + status);
            }
        }
        assertEquals(List.of(), wrong);

        assertEquals(reportsBefore, given().get("/api/v1/reports?size=500").then().extract().path("items").toString());
        assertEquals(revisions, TestDb.count("report_revision"));
        assertEquals(lines, TestDb.count("report_line"));
        assertEquals(2, TestDb.count("report"));
    }

    @Test
    void shouldStoreInjectionShapedTextAsTextAndReadItBackVerbatim() {
        TestDb.reset();
        String target = "Ukraine'); drop table report; -- <script>alert(1)</script> {{7*7}} ${jndi:ldap://x}";
        String place = "Robert'); DELETE FROM report_line WHERE ('1'='1";
        String body = NIGHT.replace("\"target\": \"Ukraine\"", "\"target\": \"" + target.replace("\"", "\\\"") + "\"")
                .replace("\"weapon\": \"iskander-m-kn-23\"", "\"weapon\": \"iskander-m-kn-23\", \"launchPlace\": \"" + place + "\"");
        long id = Api.asWriter().body(body).post("/api/v1/reports").then().statusCode(201).extract().jsonPath().getLong("id");

        given().get("/api/v1/reports/" + id).then().statusCode(200)
                .body("target", is(target))
                .body("lines[1].launchPlace", is(place));
        assertEquals(1, TestDb.count("report"));
        assertEquals(2, TestDb.count("report_line"));
        given().get("/api/v1/nights/2025-05-24").then().statusCode(200).body("totals.launched", is(264));
    }
}
