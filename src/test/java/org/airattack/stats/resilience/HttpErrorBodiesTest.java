package org.airattack.stats.resilience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.RawHttp;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * What the HTTP layer refuses before or around the resources is a problem document too: a missing
 * or wrong password (with its challenge), a cross-origin write, a body declared over the limit, a
 * request line or headers over the limits, a malformed Host. Nothing is stored by any of them.
 */
@QuarkusTest
class HttpErrorBodiesTest {

    private static final String NIGHT = Api.fixture("night-2025-05-24.json");
    private static final String PROBLEM = "application/problem+json";

    private String before;

    @BeforeEach
    void oneStoredReport() {
        TestDb.reset();
        Api.post("night-2025-05-23.json");
        before = TestDb.contents();
    }

    private static RawHttp.Answer raw(String request) {
        return RawHttp.exchange(RestAssured.port, request);
    }

    private static Map<?, ?> problem(RawHttp.Answer answer) {
        assertEquals(PROBLEM, answer.header("Content-Type"));
        try {
            return new ObjectMapper().readValue(answer.body(), Map.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a problem document: " + answer.body(), e);
        }
    }

    @Test
    void shouldChallengeAWriteWithoutCredentialsWithAProblemDocument() {
        given().contentType(ContentType.JSON).body(NIGHT).post("/api/v1/reports").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("basic"))
                .contentType(PROBLEM)
                .body("type", endsWith(":unauthorized")).body("status", is(401));
        given().delete("/api/v1/reports/1").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("basic")).contentType(PROBLEM);
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldChallengeWrongCredentialsWithAProblemDocument() {
        given().auth().preemptive().basic(Api.WRITER, "not-the-password").contentType(ContentType.JSON).body(NIGHT)
                .post("/api/v1/reports").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("basic"))
                .contentType(PROBLEM)
                .body("type", endsWith(":unauthorized")).body("detail", is("the credentials were not accepted"));
        given().auth().preemptive().basic("nobody", "nothing").contentType("text/csv").body("time_start\n")
                .post("/api/v1/imports/piterfm").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("basic")).contentType(PROBLEM);
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseACrossOriginWriteWithAProblemDocument() {
        Api.asWriter().header("Origin", "https://evil.example.org").body(NIGHT).post("/api/v1/reports").then().statusCode(403)
                .contentType(PROBLEM)
                .body("type", endsWith(":cross-origin-write"));
        // a cross-origin read still passes, with the CORS headers
        given().header("Origin", "https://news.example.org").get("/api/v1/series").then().statusCode(200)
                .header("Access-Control-Allow-Origin", notNullValue());
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseABodyDeclaredOverTheLimitWithAProblemDocumentAndClose() {
        RawHttp.Answer answer = raw("POST /api/v1/imports/piterfm HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + RawHttp.basic(Api.WRITER, Api.WRITER_PASSWORD) + "\r\nContent-Type: text/csv\r\nContent-Length: "
                + 60L * 1024 * 1024 + "\r\n\r\ntime_start,time_end\n");
        assertEquals(413, answer.status());
        assertEquals("close", answer.header("Connection"));
        assertTrue(String.valueOf(problem(answer).get("detail")).contains("at most 52428800"), answer.body());
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseARequestLineOverTheLimitWithAProblemDocument() {
        given().get("/api/v1/series?measure=" + "launched,".repeat(500) + "launched").then().statusCode(414)
                .contentType(PROBLEM)
                .body("type", endsWith(":uri-too-long"))
                .body("detail", containsString("at most 4096"));
        Api.asWriter().body(NIGHT).post("/api/v1/reports?padding=" + "p".repeat(5000)).then().statusCode(414).contentType(PROBLEM);
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseHeadersOverTheLimitWithAProblemDocument() {
        given().header("X-Padding", "p".repeat(9000)).get("/api/v1/series").then().statusCode(431)
                .contentType(PROBLEM)
                .body("type", endsWith(":headers-too-large"))
                .body("detail", containsString("at most 8192"));
        Api.asWriter().header("X-Padding", "p".repeat(9000)).body(NIGHT).post("/api/v1/reports").then().statusCode(431)
                .contentType(PROBLEM);
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseAMalformedHostWithAProblemDocument() {
        RawHttp.Answer read = raw("GET /api/v1/series HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n");
        assertEquals(400, read.status());
        assertEquals("urn:problem-type:airattack:bad-request", problem(read).get("type"));
        assertTrue(String.valueOf(problem(read).get("detail")).contains("Host header"), read.body());

        byte[] body = NIGHT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Answer write = raw("POST /api/v1/reports HTTP/1.1\r\nHost: a b\r\nAuthorization: " + RawHttp.basic(Api.WRITER,
                Api.WRITER_PASSWORD) + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"
                + NIGHT);
        assertEquals(400, write.status());
        problem(write);
        assertEquals(before, TestDb.contents());
    }

    @Test
    void shouldRefuseMalformedPercentEncodingWith400() {
        // a broken escape fails Quarkus's URI check ahead of every handler: 400 with no body (see docs/api.md, "Errors")
        assertEquals(400, raw("GET /api/v1/series?from=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").status());
        assertEquals(400, raw("GET /api/v1/nights/%2 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").status());
        // a well-formed escape of bytes that are no UTF-8 reaches the resources, which name the parameter
        RawHttp.Answer overlong = raw("GET /api/v1/nights/%C0%AF HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(400, overlong.status());
        assertEquals("urn:problem-type:airattack:validation", problem(overlong).get("type"));
        RawHttp.Answer query = raw("GET /api/v1/series?from=%FF%FE HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(400, query.status());
        problem(query);
    }
}
