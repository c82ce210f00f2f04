package org.airattack.stats.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The report API against the packaged application (the jar here, the native executable where one is built). */
@QuarkusIntegrationTest
class ReportResourceIT extends ReportResourceTest {
}
