package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * An operator who closes the reads with an HTTP permission keeps them closed: a ready answer is
 * never handed out ahead of authentication and authorisation.
 */
@QuarkusTest
@TestProfile(ClosedReadsTest.ClosedReads.class)
class ClosedReadsTest {

    /** Reads of /api/* need an authenticated user. */
    public static class ClosedReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.permission.closed.paths", "/api/*",
                    "quarkus.http.auth.permission.closed.policy", "authenticated");
        }
    }

    @Inject
    ReadCache cache;

    @BeforeEach
    void seedArticle() {
        RestAssured.authentication = RestAssured.preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD); // reset reads too
        try {
            TestDb.reset();
            Api.post("night-2025-05-24.json");
        } finally {
            RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        }
    }

    @Test
    void shouldRefuseAnonymousReadsEvenWhenTheAnswerIsReady() {
        String night = "/api/v1/nights/2025-05-24";
        given().get(night).then().statusCode(401);
        String etag = Api.asWriter().get(night).then().statusCode(200).extract().header("ETag");
        long computed = cache.computed();

        given().get(night).then().statusCode(401);
        given().header("If-None-Match", etag).get(night).then().statusCode(401);
        Api.asWriter().get(night).then().statusCode(200).header("ETag", etag);
        Api.asWriter().header("If-None-Match", etag).get(night).then().statusCode(304);
        assertEquals(computed, cache.computed(), "an authenticated reader is still answered from ready bytes");
    }
}
