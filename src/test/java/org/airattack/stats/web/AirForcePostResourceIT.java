package org.airattack.stats.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The Air Force post import against the packaged application (the jar here, the native executable where one is built). */
@QuarkusIntegrationTest
class AirForcePostResourceIT extends AirForcePostResourceTest {
}
