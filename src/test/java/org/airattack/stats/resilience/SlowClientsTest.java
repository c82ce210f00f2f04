package org.airattack.stats.resilience;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A client that opens a connection and stops halfway through its request is cut off after the idle
 * timeout (two seconds in this profile, quarkus.http.idle-timeout) instead of holding the connection,
 * and hundreds of them do not keep the service from answering.
 */
@QuarkusTest
@TestProfile(HardenedHttpProfile.class)
class SlowClientsTest {

    /** Time beyond the idle timeout allowed for the close to arrive on these shared cores. */
    private static final int SLACK_MS = 10_000;

    private static Socket halfARequestLine() {
        try {
            Socket socket = new Socket("127.0.0.1", RestAssured.port);
            socket.setSoTimeout(HardenedHttpProfile.IDLE_SECONDS * 1000 + SLACK_MS);
            socket.getOutputStream().write("GET /api/v1/ser".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server closed the connection before the socket's read timeout. */
    private static boolean closedByServer(Socket socket) {
        try (socket) {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            // a reset is a close as well
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldCloseAConnectionThatSendsHalfARequestLine() {
        assertTrue(closedByServer(halfARequestLine()), "the connection was still open "
                + (HardenedHttpProfile.IDLE_SECONDS * 1000 + SLACK_MS) + " ms after its last byte");
    }

    @Test
    void shouldKeepAnsweringWhileFourHundredConnectionsHoldHalfARequest() {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            slow.add(halfARequestLine());
        }
        given().get("/api/v1/series").then().statusCode(200);
        long open = slow.stream().filter(s -> !closedByServer(s)).count();
        assertEquals(0, open, open + " of 400 connections were still open after the idle timeout");
    }
}
