package org.airattack.stats.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Series, nights and summary against the packaged application. */
@QuarkusIntegrationTest
class SeriesResourceIT extends SeriesResourceTest {
}
