package org.airattack.stats.k8s;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
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
        List<String> paths = Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                .map(Probe::getHttpGet).map(get -> get.getPath()).toList();
        assertEquals(3, paths.size());
        for (String path : paths) {
            given().get(path).then().statusCode(200).body("status", is("UP"));
        }
    }

    @Test
    void shouldServeTheMetricsPathTheServiceMonitorScrapes() {
        ServiceMonitor monitor = RenderedManifests.as(RenderedManifests.one("ServiceMonitor"), ServiceMonitor.class);
        for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
            given().get(endpoint.getPath()).then().statusCode(200).body(containsString("# HELP "));
        }
    }
}
