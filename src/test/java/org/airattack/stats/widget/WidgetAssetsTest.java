package org.airattack.stats.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How the widget's files and the landing page travel: kept minutes rather than a day, named by content
 * hash inside the widget page, and never in the way of the API's own gzip.
 */
@QuarkusTest
class WidgetAssetsTest {

    static final Path RESOURCES = Path.of("src/main/resources/META-INF/resources");

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void history() {
        TestDb.reset();
        Api.post("night-2025-05-24.json");
    }

    @Test
    void shouldLetBrowsersKeepTheWidgetFilesFiveMinutesAndRevalidateThem() throws Exception {
        for (String file : new String[] { "widget/widget.js", "widget/embed.js", "widget/", "" }) {
            HttpResponse<byte[]> res = get(file, null, null);
            assertEquals(200, res.statusCode(), file);
            String cacheControl = res.headers().firstValue("Cache-Control").orElse("");
            assertTrue(cacheControl.contains("max-age=300"), file + ": " + cacheControl);
            String lastModified = res.headers().firstValue("Last-Modified").orElseThrow();
            assertEquals(304, get(file, null, lastModified).statusCode(), file);
        }
    }

    /**
     * With quarkus.http.enable-compression on, the static files are compressed by Vert.x and the API's
     * answers keep the one gzip of ReadCaching (which removes the "identity" mark Vert.x puts first), also
     * for a client that would upgrade to HTTP/2 (this test's HttpClient asks to; the service answers HTTP/1.1).
     */
    @Test
    void shouldSendTheWidgetScriptCompressedWhenCompressionIsOn() throws Exception {
        assumeTrue(ConfigProvider.getConfig().getOptionalValue("quarkus.http.enable-compression", Boolean.class).orElse(false),
                "quarkus.http.enable-compression is off");
        HttpResponse<byte[]> res = get("widget/widget.js", "gzip", null);
        assertEquals("gzip", res.headers().firstValue("Content-Encoding").orElse(null));
        assertArrayEquals(Files.readAllBytes(RESOURCES.resolve("widget/widget.js")), gunzip(res.body()));
        shouldLeaveTheApiAnswersCompressedOnceByTheApiItself();
    }

    @Test
    void shouldNameTheScriptAndStyleOfTheWidgetPageByTheirContent() throws IOException, NoSuchAlgorithmException {
        String page = Files.readString(RESOURCES.resolve("widget/index.html"));
        for (String file : new String[] { "widget.js", "widget.css" }) {
            Matcher m = Pattern.compile(Pattern.quote(file) + "\\?v=([0-9a-f]+)\"").matcher(page);
            assertTrue(m.find(), "widget/index.html does not load " + file + "?v=…");
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(RESOURCES.resolve("widget/" + file)))).substring(0, 12);
            assertEquals(hash, m.group(1), file + " changed: set its ?v= in widget/index.html to " + hash);
        }
    }

    @Test
    void shouldLeaveTheApiAnswersCompressedOnceByTheApiItself() throws Exception {
        // computed (the first read at this data version), then from ready bytes
        for (int i = 0; i < 2; i++) {
            apiGzipOnce();
        }
        // a small answer stays uncompressed, as its ETag says
        HttpResponse<byte[]> small = get("api/v1/nights/2020-01-01", "gzip", null);
        assertEquals(404, small.statusCode());
        assertTrue(small.headers().firstValue("Content-Encoding").filter("gzip"::equals).isEmpty());
        assertTrue(new String(small.body(), StandardCharsets.UTF_8).startsWith("{"));
    }

    private void apiGzipOnce() throws Exception {
        HttpResponse<byte[]> res = get("api/v1/summary", "gzip", null);
        assertEquals(200, res.statusCode());
        assertEquals("gzip", res.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(res.headers().firstValue("ETag").orElseThrow().endsWith("-gz\""), res.headers().firstValue("ETag").orElseThrow());
        // one gunzip gives the JSON itself
        String json = new String(gunzip(res.body()), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"source\":\"ua-air-force\""), json);
    }

    @Test
    void shouldAnswerTheLandingPageAtTheRoot() throws Exception {
        HttpResponse<byte[]> res = get("", null, null);
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String page = new String(res.body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("Petro Ivaniuk"), "the landing page credits the dataset");
        assertTrue(page.contains("href=\"q/swagger-ui\""), "the landing page links the API docs");
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifModifiedSince) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path));
        if (acceptEncoding != null) {
            req.header("Accept-Encoding", acceptEncoding);
        }
        if (ifModifiedSince != null) {
            req.header("If-Modified-Since", ifModifiedSince);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
