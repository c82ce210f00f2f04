package org.airattack.stats.resilience;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.RawHttp;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Guessing passwords is throttled per client: past the allowed wrong credentials a client is answered
 * 429 with Retry-After, whatever it sends, and the refusal is counted as a refused write; another
 * client, and the same client's anonymous reads, go on as before. Each test is its own client
 * (127.0.0.x), as the application keeps its counts between tests.
 */
@QuarkusTest
@TestProfile(HardenedHttpProfile.class)
class SignInThrottleTest {

    private static final String NIGHT = Api.fixture("night-2025-05-24.json");

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    private static RawHttp.Answer post(String client, String password) {
        byte[] body = NIGHT.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + RawHttp.basic(Api.WRITER, password)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        return RawHttp.exchange(client, RestAssured.port, request);
    }

    private static double refusedForTooManyRequests() {
        return given().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith("airattack_reports_rejected_total{") && l.contains("reason=\"too-many-requests\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceAClientSentTooManyWrongPasswords() {
        String guesser = "127.0.0.3";
        double refusedBefore = refusedForTooManyRequests();
        String before = TestDb.contents();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(post(guesser, "guess-" + i).status());
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(i <= HardenedHttpProfile.FAILURES_ALLOWED ? 401 : 429);
        }
        assertEquals(expected, statuses);

        RawHttp.Answer locked = post(guesser, Api.WRITER_PASSWORD);
        assertEquals(429, locked.status(), "the right password is refused too while the client is locked out");
        assertEquals("application/problem+json", locked.header("Content-Type"));
        assertTrue(locked.body().contains("urn:problem-type:airattack:too-many-requests"), locked.body());
        int retryAfter = Integer.parseInt(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(before, TestDb.contents());
        assertEquals(refusedBefore + 47, refusedForTooManyRequests());

        // the locked-out client still reads anonymously
        RawHttp.Answer read = RawHttp.exchange(guesser, RestAssured.port,
                "GET /api/v1/series HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, read.status());
    }

    @Test
    void shouldLetAWriterOnAnotherClientInWhileOneIsLockedOut() {
        String guesser = "127.0.0.4";
        String writer = "127.0.0.5";
        for (int i = 0; i <= HardenedHttpProfile.FAILURES_ALLOWED; i++) {
            assertEquals(401, post(guesser, "guess-" + i).status());
        }
        assertEquals(429, post(guesser, Api.WRITER_PASSWORD).status());

        assertEquals(201, post(writer, Api.WRITER_PASSWORD).status());
        assertEquals(1, Api.reportCount());
        // the writer's success unlocks nobody, and the writer's own mistakes are its own
        assertEquals(429, post(guesser, Api.WRITER_PASSWORD).status());
        assertEquals(401, post(writer, "typo").status());
        assertEquals(200, post(writer, Api.WRITER_PASSWORD).status());
    }
}
