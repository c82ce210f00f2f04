package org.airattack.stats.k8s;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.quarkus.test.junit.QuarkusTest;

/** The paths the rendered k8s/ objects point at, asked of the running service. */
@QuarkusTest
class KubernetesProbesTest {

    @Test
    void shouldAnswerEveryProbeOfTheDeploymentWithUp() {
        Container container = RenderedManifests.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        Set<String> ports = new HashSet<>();
        for (ContainerPort p : container.getPorts()) {
            ports.add(String.valueOf(p.getContainerPort()));
            if (p.getName() != null) {
                ports.add(p.getName());
            }
        }
        List<Probe> probes = Arrays.asList(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe());
        for (Probe probe : probes) {
            assertNotNull(probe, "the Deployment declares a startup, a liveness and a readiness probe");
            assertNotNull(probe.getHttpGet(), "every probe asks the service over HTTP");
            assertTrue(ports.contains(probe.getHttpGet().getPort().getStrVal() != null ? probe.getHttpGet().getPort().getStrVal()
                    : String.valueOf(probe.getHttpGet().getPort().getIntVal())),
                    "probe port " + probe.getHttpGet().getPort() + " is one the container declares " + ports);
            given().get(probe.getHttpGet().getPath()).then().statusCode(200).body("status", is("UP"));
        }
        assertNotEquals(container.getLivenessProbe().getHttpGet().getPath(), container.getReadinessProbe().getHttpGet().getPath(),
                "liveness must not depend on the database, readiness must: they are different checks");
    }

    @Test
    void shouldServeTheMetricsPathTheServiceMonitorScrapes() {
        ServiceMonitor monitor = RenderedManifests.as(RenderedManifests.one("ServiceMonitor"), ServiceMonitor.class);
        assertFalse(monitor.getSpec().getEndpoints().isEmpty(), "the ServiceMonitor scrapes some endpoint");
        for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
            given().get(endpoint.getPath()).then().statusCode(200).body(containsString("# HELP "));
        }
    }
}
