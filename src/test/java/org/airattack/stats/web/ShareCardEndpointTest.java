package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A shared link unfurls: the night's card is a cached 1200×630 PNG, and its page names it as og:image. */
@QuarkusTest
class ShareCardEndpointTest {

    private static final String CARD = "/api/v1/nights/2025-05-24/card.png";

    @BeforeEach
    void seedArticle() {
        TestDb.reset();
        Api.post("night-2025-05-24.json");
    }

    private static ExtractableResponse<Response> card(String path) {
        return given().get(path).then().statusCode(200).contentType("image/png").extract();
    }

    private static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void shouldDrawTheNightAsA1200By630PngCachedLikeEveryRead() throws IOException {
        ExtractableResponse<Response> first = card(CARD);
        BufferedImage image = image(first.asByteArray());
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get(CARD).then().statusCode(304);
        assertEquals(etag, card(CARD).header("ETag"), "the same night at the same data version is the same card");
        given().header("Accept-Encoding", "gzip").get(CARD).then().statusCode(200).header("Content-Encoding", org.hamcrest.Matchers.nullValue());

        String revised = Api.fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": 300");
        Api.asWriter().body(revised).post("/api/v1/reports").then().statusCode(200);
        ExtractableResponse<Response> second = card(CARD);
        assertNotEquals(etag, second.header("ETag"));
        BufferedImage after = image(second.asByteArray());
        assertFalse(Arrays.equals(image.getRGB(0, 0, 1200, 630, null, 0, 1200), after.getRGB(0, 0, 1200, 630, null, 0, 1200)),
                "the card's pixels change when the night's numbers do");
    }

    @Test
    void shouldDrawTheLatestNightInUkrainianAndRefuseANightNotReported() throws IOException {
        assertEquals(1200, image(card("/api/v1/nights/latest/card.png?lang=uk").asByteArray()).getWidth());
        given().get("/api/v1/nights/2025-05-26/card.png").then().statusCode(404).contentType("application/problem+json");
        given().get(CARD + "?lang=fr").then().statusCode(400).body("errors[0].field", is("lang"));
    }

    @Test
    void shouldServeAPageWhoseSharedLinkUnfurlsToTheCard() {
        String page = given().get("/nights/2025-05-24").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", containsString("public")).extract().asString();
        assertEquals(true, page.contains("<meta property=\"og:image\" content=\"http://localhost:") && page.contains(
                "/api/v1/nights/2025-05-24/card.png?source=ua-air-force&amp;period=night&amp;lang=en\">"), page);
        assertEquals(true, page.contains("<td>264</td>") || page.contains("<th>264</th>"), "the night's total is in its table");
        assertEquals(true, page.contains("https://www.facebook.com/kpszsu/posts/pfbid0abc"), "the report's post is linked");
        assertEquals(true, page.contains("Petro Ivaniuk"), "the credit is on the page");
        given().get("/nights/2025-05-24?lang=uk").then().statusCode(200).body(containsString("Ніч на 2025-05-24"));
        given().get("/nights/2025-05-26").then().statusCode(404);
    }
}
