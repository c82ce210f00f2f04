package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, OpenAPI and Swagger UI, and problem documents for unknown paths. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void shouldBeReadyWithTheDatabaseAndTheReadModelUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("read-model", "Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void shouldPublishTheOpenApiDocumentAndSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/series"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/reports/{id}/revisions"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void shouldAnswerUnknownPathsAndMethodsWithProblems() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", is(404)).body("type", is("urn:problem-type:airattack:not-found"))
                .body("instance", is("/api/v1/nothing-here"));
        given().delete("/api/v1/series").then().statusCode(405).contentType("application/problem+json")
                .body("status", is(405)).body("type", is("urn:problem-type:airattack:method-not-allowed"));
    }
}
