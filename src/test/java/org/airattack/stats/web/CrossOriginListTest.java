package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A deployment that lets only some sites read cross-origin: every answer varies by Origin, none is handed to another site. */
@QuarkusTest
@TestProfile(CrossOriginListTest.NewsroomOnly.class)
class CrossOriginListTest {

    /** Only the newsroom's pages read cross-origin. */
    public static class NewsroomOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("airattack.cors.origins", "https://news.example.org,https://live.example.org");
        }
    }

    @BeforeEach
    void seedArticle() {
        TestDb.reset();
        Api.post("night-2025-05-24.json");
    }

    @Test
    void shouldNameTheAllowedOriginAndVaryByOriginWithoutLosingTheOtherVaryHeaders() {
        String night = "/api/v1/nights/2025-05-24";
        for (int i = 0; i < 2; i++) { // computed, then from ready bytes
            given().header("Origin", "https://news.example.org").get(night).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", is("https://news.example.org"))
                    .header("Vary", containsString("Origin")).header("Vary", containsString("Accept-Encoding"));
            given().header("Origin", "https://evil.example.org").get(night).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", nullValue()).header("Vary", containsString("Origin"));
            given().get(night).then().statusCode(200).header("Access-Control-Allow-Origin", nullValue())
                    .header("Vary", containsString("Origin")).header("Vary", containsString("Accept"));
        }
        given().header("Origin", "https://live.example.org").header("Access-Control-Request-Method", "GET").options(night)
                .then().statusCode(204).header("Access-Control-Allow-Origin", is("https://live.example.org"))
                .header("Access-Control-Allow-Methods", is("GET, HEAD")).header("Vary", containsString("Origin"));
        given().header("Origin", "https://evil.example.org").header("Access-Control-Request-Method", "GET").options(night)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
