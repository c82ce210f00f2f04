package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document tells a client developer the truth: typed parameters, the real statuses, problem documents. */
@QuarkusTest
class OpenApiContractTest {

    private static JsonPath document() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldTypeEnumParametersWithTheirValuesAndDefaults() {
        JsonPath doc = document();
        given().get("/q/openapi?format=json").then()
                .body("components.schemas.PeriodFilter.enum", contains("night", "day", "any"))
                .body("components.schemas.Interval.enum", contains("night", "week", "month", "year"))
                .body("components.schemas.GroupBy.enum", contains("total", "category", "weapon"))
                .body("components.schemas.Fill.enum", containsInAnyOrder("none", "null", "zero"))
                .body("components.schemas.Measure.enum", hasItem("interceptionRate"))
                .body("paths.'/api/v1/series'.get.parameters.find { it.name == 'from' }.schema.'$ref'",
                        is("#/components/schemas/LocalDate"))
                .body("components.schemas.LocalDate.type", is("string")).body("components.schemas.LocalDate.format", is("date"))
                .body("paths.'/api/v1/series'.get.parameters.find { it.name == 'source' }.schema.type", is("string"))
                .body("paths.'/api/v1/reports'.get.parameters.find { it.name == 'status' }.schema.enum",
                        contains("active", "retracted"));
        String interval = doc.getString("paths.'/api/v1/series'.get.parameters.find { it.name == 'interval' }.schema.allOf[1].default");
        org.junit.jupiter.api.Assertions.assertEquals("night", interval);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeEveryParameterAndGiveTheCommonOnesExamples() {
        io.restassured.path.json.JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> undescribed = new java.util.ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) op.getOrDefault("parameters", List.of());
            for (Map<String, Object> p : parameters) {
                if (path.startsWith("/api/v1") && (p.get("description") == null || p.get("description").toString().isBlank())) {
                    undescribed.add(method + " " + path + " " + p.get("name"));
                }
            }
        }));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), undescribed, "parameters without a description");
        given().get("/q/openapi?format=json").then()
                .body("paths.'/api/v1/series'.get.parameters.find { it.name == 'from' }.example", is("2025-05-01"))
                .body("paths.'/api/v1/series'.get.parameters.find { it.name == 'measure' }.example", is("launched,neutralised"))
                .body("paths.'/api/v1/reports/{id}'.get.parameters.find { it.name == 'id' }.description", containsString("GET /api/v1/reports"))
                .body("paths.'/api/v1/reports/{id}'.get.parameters.find { it.name == 'id' }.example", is(1))
                .body("paths.'/api/v1/nights'.get.parameters.find { it.name == 'format' }.example", is("csv"));
    }

    @Test
    void shouldDocumentTheRealStatusesWithProblemDocuments() {
        given().get("/q/openapi?format=json").then()
                .body("paths.'/api/v1/reports'.post.responses", hasKey("201"))
                .body("paths.'/api/v1/reports'.post.responses.'201'.headers", hasKey("Location"))
                .body("paths.'/api/v1/reports'.post.responses", hasKey("409"))
                .body("paths.'/api/v1/reports'.post.responses", hasKey("401"))
                .body("paths.'/api/v1/reports'.post.responses", hasKey("413"))
                .body("paths.'/api/v1/reports'.post.responses", hasKey("415"))
                .body("paths.'/api/v1/reports'.post.responses", hasKey("503"))
                .body("paths.'/api/v1/reports/{id}'.delete.responses", hasKey("204"))
                .body("paths.'/api/v1/imports/air-force-post'.post.responses", hasKey("422"))
                .body("paths.'/api/v1/imports/piterfm'.post.responses", hasKey("409"))
                .body("paths.'/api/v1/channel/poll'.post.responses", hasKey("409"))
                .body("paths.'/api/v1/channel/poll'.post.responses.'409'.content.'application/problem+json'.schema.'$ref'",
                        is("#/components/schemas/Problem"))
                .body("paths.'/api/v1/series'.get.parameters.find { it.name == 'format' }.schema.enum", contains("csv", "json"))
                .body("paths.'/api/v1/nights'.get.parameters.find { it.name == 'format' }.in", is("query"))
                .body("paths.'/api/v1/series'.get.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        is("#/components/schemas/Problem"))
                .body("paths.'/api/v1/nights/{date}'.get.responses", hasKey("404"))
                .body("paths.'/api/v1/summary'.get.responses", not(hasKey("401")))
                .body("components.schemas.Problem.properties", hasKey("errors"));
    }

    @Test
    void shouldDescribeCsvAsTextCountsAsNullableAndTimeZonesAsStrings() {
        given().get("/q/openapi?format=json").then()
                .body("paths.'/api/v1/series'.get.responses.'200'.content.'text/csv'.schema.type", is("string"))
                .body("components.schemas.Measures.properties.launched.type", containsInAnyOrder("integer", "null"))
                .body("components.schemas.SourceInfo.properties.timeZone.'$ref'", is("#/components/schemas/ZoneId"))
                .body("components.schemas.ZoneId.type", is("string"))
                .body("components.securitySchemes", hasKey("SecurityScheme"));
    }
}
