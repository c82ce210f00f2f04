package org.airattack.stats.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST Assured shortcuts and fixture files for the tests. */
public final class Api {

    /** The test profile's writer (src/main/resources/application.properties, %test). */
    public static final String WRITER = "test-writer";
    public static final String WRITER_PASSWORD = "test-writer-password";

    private Api() {
    }

    public static RequestSpecification asWriter() {
        return given().auth().preemptive().basic(WRITER, WRITER_PASSWORD).contentType(ContentType.JSON);
    }

    /** A fixture under src/test/resources/fixtures. */
    public static String fixture(String name) {
        return resource("fixtures/" + name);
    }

    /** A text file under src/test/resources. */
    public static String resource(String path) {
        try (InputStream in = Api.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a fixture as the writer and returns the stored report's id. */
    public static long post(String fixture) {
        return asWriter().body(fixture(fixture)).post("/api/v1/reports")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)))
                .extract().jsonPath().getLong("id");
    }

    /** Every stored report, active or retracted, as the API counts them. */
    public static int reportCount() {
        return given().get("/api/v1/reports?size=1").then().statusCode(200).extract().path("total");
    }
}
