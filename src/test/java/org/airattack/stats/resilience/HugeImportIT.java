package org.airattack.stats.resilience;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongFunction;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.RawHttp;
import org.airattack.stats.support.ServiceProcess;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Dataset files of 60 MB sent chunked, without Content-Length, to the packaged service running with
 * the container image's memory options (a 72 MiB heap): one whose second row has a cell of 60 MB,
 * one of 60 MB of ordinary rows, one of long rows. Each is refused early with a problem document
 * naming the row, nothing is stored, and the service lives on to import a real file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HugeImportIT {

    private static final long SIXTY_MB = 60L * 1024 * 1024;
    private static final String HEADER = "time_start,time_end,model,launch_place,target,launched,destroyed,source\n";
    private static final String ROW = "2025-05-23 20:30,2025-05-24 08:30,Shahed-136/131,Kursk,Ukraine,250.0,245.0,kpszsu/posts/p\n";

    private static ServiceProcess service;

    @BeforeAll
    static void start() {
        service = ServiceProcess.start("huge-import", TestDb.freshDatabase("it_huge_import"), Map.of(), ServiceProcess.imageJvmOptions());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static int port() {
        String base = service.baseUrl();
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /**
     * POSTs to the import a chunked body of {@code total} bytes, chunk by chunk from the generator
     * (given the offset, it returns the next chunk), while reading the answer; the rest of the body
     * is not sent once the answer has come.
     */
    private static RawHttp.Answer importChunked(long total, LongFunction<byte[]> chunks) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/imports/piterfm HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + RawHttp.basic(ServiceProcess.WRITER, ServiceProcess.WRITER_PASSWORD)
                    + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                try {
                    long sent = 0;
                    while (sent < total) {
                        byte[] chunk = chunks.apply(sent);
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent += chunk.length;
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException answeredOrClosed) {
                    // the server answered before the body ended and stopped reading: what the test is about
                }
            });
            sender.setDaemon(true);
            sender.start();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            socket.close();
            sender.join(30_000);
            return answer;
        }
    }

    /** 64 KiB of the same byte. */
    private static byte[] filler(byte b) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, b);
        return chunk;
    }

    private static Map<?, ?> problem(RawHttp.Answer answer) {
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.body());
        try {
            return new ObjectMapper().readValue(answer.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertAliveAndEmpty() throws IOException {
        assertEquals(200, service.status("/q/health/live"));
        Replica.on(service).get("/api/v1/reports?size=1").then().statusCode(200).body("total", is(0));
        assertFalse(Files.readString(Path.of("target", "huge-import.log")).contains("OutOfMemoryError"), "the service ran out of memory");
    }

    @Test
    @Order(1)
    void shouldRefuseACellOfSixtyMegabytesAfterItsFirstKilobytesNamingRowAndColumn() throws Exception {
        byte[] head = (HEADER + "2025-05-23 20:30,2025-05-24 08:30,Shahed-136/131,").getBytes(StandardCharsets.US_ASCII);
        byte[] x = filler((byte) 'x');
        RawHttp.Answer answer = importChunked(SIXTY_MB, sent -> sent == 0 ? head : x);
        assertEquals(400, answer.status(), answer.body());
        Map<?, ?> problem = problem(answer);
        assertTrue(String.valueOf(problem.get("detail")).contains("row 2, column launch_place: a cell may hold at most 4096 characters"),
                answer.body());
        assertAliveAndEmpty();
    }

    @Test
    @Order(2)
    void shouldRefuseSixtyMegabytesOfRowsAtTheRowLimitNamingTheRow() throws Exception {
        byte[] rows = (HEADER + ROW.repeat(700)).getBytes(StandardCharsets.US_ASCII);
        byte[] more = ROW.repeat(700).getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer answer = importChunked(SIXTY_MB, sent -> sent == 0 ? rows : more);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(String.valueOf(problem(answer).get("detail")).contains("row 10002: a file may hold at most 10000 data rows"),
                answer.body());
        assertAliveAndEmpty();
    }

    @Test
    @Order(3)
    void shouldRefuseLongRowsAtTheCharacterLimit() throws Exception {
        String longRow = ROW.replace("Kursk", "Kursk " + "k".repeat(3000));
        byte[] rows = (HEADER + longRow.repeat(20)).getBytes(StandardCharsets.US_ASCII);
        byte[] more = longRow.repeat(20).getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer answer = importChunked(SIXTY_MB, sent -> sent == 0 ? rows : more);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(String.valueOf(problem(answer).get("detail")).contains("a file may hold at most 4194304 characters"), answer.body());
        assertAliveAndEmpty();
    }

    @Test
    @Order(4)
    void shouldImportARealFileAfterTheRefusedOnes() {
        Replica.writerOn(service).contentType("text/csv").body(Api.resource("piterfm/edition-2026-06.csv"))
                .post("/api/v1/imports/piterfm").then().statusCode(200).body("created", is(26)).body("skipped", is(0));
        Replica.on(service).get("/api/v1/reports?size=1").then().statusCode(200).body("total", is(12));
    }
}
