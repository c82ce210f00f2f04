package org.airattack.stats.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The catalogs over HTTP. */
@QuarkusTest
class CatalogResourceTest {

    @Test
    void shouldListSourcesWithKindAndTimeZone() {
        given().get("/api/v1/sources").then().statusCode(200)
                .body("slug", hasItems("ua-air-force", "ua-air-command-south", "ru-mod"))
                .body("find { it.slug == 'ru-mod' }.kind", is("claim"))
                .body("find { it.slug == 'ru-mod' }.timeZone", is("Europe/Moscow"))
                .body("find { it.slug == 'ua-air-force' }.datasetName", is("kpszsu"));
    }

    @Test
    void shouldListWeaponsWithCategoryAndAliases() {
        given().get("/api/v1/weapons").then().statusCode(200)
                .body("find { it.slug == 'kh-101-kh-555' }.category", is("cruise-missile"))
                .body("find { it.slug == 'kh-101-kh-555' }.aliases", hasItem("X-101/X-555"))
                .body("find { it.slug == 'unknown' }.category", is("other"));
    }
}
