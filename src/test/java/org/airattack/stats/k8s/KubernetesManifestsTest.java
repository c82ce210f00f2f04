package org.airattack.stats.k8s;

import static org.airattack.stats.k8s.RenderedManifests.as;
import static org.airattack.stats.k8s.RenderedManifests.objects;
import static org.airattack.stats.k8s.RenderedManifests.one;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * The kustomize base under k8s/, as {@code kubectl kustomize k8s} renders it: every object held to
 * the Kubernetes schema (no unknown field anywhere), and wired the way the service needs it.
 */
class KubernetesManifestsTest {

    /** The health endpoints SmallRye Health serves (KubernetesProbesTest asks the running service). */
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    /** The keys of the {@code <cluster>-app} Secret CloudNativePG generates (pkg/specs/secrets.go). */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "user", "password", "dbname", "host", "port",
            "pgpass", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri");

    /** The Secret of writers the operator of the service creates (README, "Kubernetes"). */
    static final String WRITERS_SECRET = "air-attack-stats-writers";

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    @Test
    void shouldRenderEveryObjectOfTheBaseAndNoSecret() {
        List<String> kinds = objects().stream().map(o -> o.path("kind").asText()).sorted().toList();
        assertEquals(List.of("Cluster", "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "NetworkPolicy",
                "PodDisruptionBudget", "Service", "ServiceMonitor"), kinds);
    }

    @Test
    void shouldFitTheKubernetesSchemaWithNoUnknownFieldAnywhere() {
        List<String> violations = objects().stream().flatMap(o -> ManifestSchema.violations(o).stream()).toList();
        assertEquals(List.of(), violations);
    }

    @Test
    void shouldCatchAMisspeltFieldDeepInTheDeployment() {
        ObjectNode deployment = one("Deployment");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/ports/0")).put("portz", 8080);
        assertEquals(List.of("Deployment air-attack-stats: spec.template.spec.containers[0].ports[0].portz: unknown field"),
                ManifestSchema.violations(deployment));
    }

    @Test
    void shouldCatchAValueOfTheWrongType() {
        ObjectNode deployment = one("Deployment");
        ((ObjectNode) deployment.get("spec")).put("replicas", "two");
        List<String> violations = ManifestSchema.violations(deployment);
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).startsWith("Deployment air-attack-stats: (top): not a Deployment"), violations::toString);
    }

    @Test
    void shouldCatchMisspeltFieldsInTheCustomResources() {
        ObjectNode monitor = one("ServiceMonitor");
        ((ObjectNode) monitor.at("/spec/endpoints/0")).put("paht", "/q/metrics");
        assertEquals(List.of("ServiceMonitor air-attack-stats: spec.endpoints[0].paht: unknown field"),
                ManifestSchema.violations(monitor));

        ObjectNode cluster = one("Cluster");
        ((ObjectNode) cluster.at("/spec/bootstrap/initdb")).put("ownr", "airattack");
        ((ObjectNode) cluster.at("/spec/resources")).putObject("limitz").put("cpu", "1");
        ((ObjectNode) cluster.get("spec")).put("instances", "2");
        ((ObjectNode) cluster.get("spec")).putObject("backup");
        assertEquals(Set.of(
                "Cluster air-attack-stats-db: spec.instances: expected an integer",
                "Cluster air-attack-stats-db: spec.bootstrap.initdb.ownr: unknown field",
                "Cluster air-attack-stats-db: spec.resources.limitz: unknown field",
                "Cluster air-attack-stats-db: spec.backup: a field of the CRD that the schema under k8s-schemas does not "
                        + "describe yet; describe it from the CRD before using it"),
                Set.copyOf(ManifestSchema.violations(cluster)));
    }

    @Test
    void shouldProbeOnlyHealthEndpointsOnTheServicePort() {
        Container container = container();
        int port = servicePort();
        assertEquals(port, container.getPorts().get(0).getContainerPort(), "the container port is the one Quarkus listens on");
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("startupProbe", container.getStartupProbe());
        probes.put("livenessProbe", container.getLivenessProbe());
        probes.put("readinessProbe", container.getReadinessProbe());
        probes.forEach((name, probe) -> {
            assertNotNull(probe, name + " is missing");
            assertNotNull(probe.getHttpGet(), name + " is not an HTTP probe");
            assertTrue(HEALTH_PATHS.contains(probe.getHttpGet().getPath()),
                    name + " probes " + probe.getHttpGet().getPath() + ", which the service does not serve");
            assertEquals(port, resolve(probe.getHttpGet().getPort(), container), name + " probes another port");
        });
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
    }

    @Test
    void shouldRunAtLeastTwoNonRootReadOnlyReplicasWithRequestsAndLimits() {
        Deployment deployment = RenderedManifests.deployment();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = container();
        assertAll(
                () -> assertTrue(deployment.getSpec().getReplicas() >= 2, "at least two replicas"),
                () -> assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot()),
                () -> assertEquals(Boolean.TRUE, container.getSecurityContext().getRunAsNonRoot()),
                () -> assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem()),
                () -> assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation()),
                () -> assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop()),
                () -> assertTrue(container.getResources().getRequests().keySet().containsAll(Set.of("cpu", "memory"))),
                () -> assertTrue(container.getResources().getLimits().keySet().containsAll(Set.of("cpu", "memory"))));
        String tmpVolume = container.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted on /tmp, the only place the service writes"))
                .getName();
        Volume volume = pod.getVolumes().stream().filter(v -> tmpVolume.equals(v.getName())).findFirst().orElseThrow();
        assertNotNull(volume.getEmptyDir(), "/tmp is an emptyDir");
    }

    @Test
    void shouldTakeCredentialsFromSecretsByReferenceAndSettingsFromTheConfigMap() {
        Container container = container();
        String appSecret = one("Cluster").at("/metadata/name").asText() + "-app";
        Set<String> defined = new HashSet<>();
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() != null) {
                var ref = env.getValueFrom().getSecretKeyRef();
                assertNotNull(ref, env.getName() + " comes from a Secret");
                assertEquals(appSecret, ref.getName(), env.getName() + " reads the Secret CloudNativePG generates");
                assertTrue(CNPG_APP_SECRET_KEYS.contains(ref.getKey()), env.getName() + " reads a key " + ref.getKey()
                        + " that the CloudNativePG app Secret does not have");
            } else {
                assertFalse(env.getName().matches(".*(PASSWORD|USER|SECRET).*"), env.getName() + " is a literal credential");
                Matcher m = ENV_REFERENCE.matcher(env.getValue());
                while (m.find()) {
                    assertTrue(defined.contains(m.group(1)), env.getName() + " refers to $(" + m.group(1)
                            + "), which is not defined before it (Kubernetes would leave it as it is)");
                }
            }
            defined.add(env.getName());
        }
        assertTrue(defined.containsAll(Set.of("DB_URL", "DB_USER", "DB_PASSWORD")), "the prod datasource is complete");

        ConfigMap config = as(one("ConfigMap"), ConfigMap.class);
        List<String> configMaps = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        container.getEnvFrom().forEach(from -> {
            if (from.getConfigMapRef() != null) {
                configMaps.add(from.getConfigMapRef().getName());
            }
            if (from.getSecretRef() != null) {
                secrets.add(from.getSecretRef().getName());
            }
        });
        assertEquals(List.of(config.getMetadata().getName()), configMaps);
        assertEquals(List.of(WRITERS_SECRET), secrets);
        config.getData().keySet().forEach(key -> assertFalse(key.matches(".*(PASSWORD|SECRET).*"), key + " belongs in a Secret"));
    }

    @Test
    void shouldPointServiceMonitorBudgetAutoscalerAndPolicyAtTheDeployment() {
        Deployment deployment = RenderedManifests.deployment();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container container = container();
        Service service = as(one("Service"), Service.class);
        ServiceMonitor monitor = as(one("ServiceMonitor"), ServiceMonitor.class);
        PodDisruptionBudget budget = as(one("PodDisruptionBudget"), PodDisruptionBudget.class);
        HorizontalPodAutoscaler autoscaler = as(one("HorizontalPodAutoscaler"), HorizontalPodAutoscaler.class);
        NetworkPolicy policy = as(one("NetworkPolicy"), NetworkPolicy.class);
        String cluster = one("Cluster").at("/metadata/name").asText();

        assertAll(
                () -> assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), "Service selects the pods"),
                () -> assertEquals(servicePort(), resolve(service.getSpec().getPorts().get(0).getTargetPort(), container)),
                () -> assertTrue(service.getMetadata().getLabels().entrySet()
                        .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()), "ServiceMonitor selects the Service"),
                () -> assertEquals(service.getSpec().getPorts().get(0).getName(), monitor.getSpec().getEndpoints().get(0).getPort()),
                () -> assertEquals("/q/metrics", monitor.getSpec().getEndpoints().get(0).getPath()),
                () -> assertTrue(podLabels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet())),
                () -> assertEquals(1, budget.getSpec().getMinAvailable().getIntVal()),
                () -> assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind()),
                () -> assertEquals(deployment.getMetadata().getName(), autoscaler.getSpec().getScaleTargetRef().getName()),
                () -> assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, "the autoscaler keeps two replicas at least"),
                () -> assertTrue(podLabels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet())),
                () -> assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes()));

        List<NetworkPolicyPort> in = policy.getSpec().getIngress().stream().flatMap(r -> r.getPorts().stream()).toList();
        assertEquals(1, in.size(), "one way in: the HTTP port");
        assertEquals(servicePort(), resolve(in.get(0).getPort(), container));
        assertTrue(policy.getSpec().getIngress().stream().allMatch(r -> r.getFrom() == null || r.getFrom().isEmpty()),
                "clients, the ingress controller and Prometheus all come in on the HTTP port");

        var egress = policy.getSpec().getEgress();
        assertEquals(2, egress.size(), "two ways out: PostgreSQL and DNS");
        assertEquals(Map.of("cnpg.io/cluster", cluster), egress.get(0).getTo().get(0).getPodSelector().getMatchLabels());
        assertEquals(List.of(5432), egress.get(0).getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
        assertEquals(Set.of("UDP", "TCP"), Set.copyOf(egress.get(1).getPorts().stream().map(NetworkPolicyPort::getProtocol).toList()));
        assertTrue(egress.get(1).getPorts().stream().allMatch(p -> p.getPort().getIntVal() == 53));
        assertNull(egress.get(1).getTo().get(0).getIpBlock(), "DNS is the cluster's, selected by label");
    }

    @Test
    void shouldBuildImagesThatRunAsANumericNonRootUserOnTheServicePort() {
        Pattern user = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$");
        Pattern expose = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)\\s*$");
        for (Path file : List.of(Path.of("src/main/docker/Dockerfile.jvm"), Path.of("src/main/docker/Dockerfile.native-micro"))) {
            String text = read(file);
            Matcher u = user.matcher(text);
            assertTrue(u.find(), file + " sets a USER");
            // runAsNonRoot can only verify a numeric user.
            assertTrue(u.group(1).matches("\\d+") && Integer.parseInt(u.group(1)) > 0, file + " runs as root or a named user");
            Matcher e = expose.matcher(text);
            assertTrue(e.find(), file + " exposes a port");
            assertEquals(servicePort(), Integer.parseInt(e.group(1)), file + " exposes another port");
        }
    }

    private static Container container() {
        List<Container> containers = RenderedManifests.deployment().getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    /** The port Quarkus listens on in prod: quarkus.http.port, 8080 unless application.properties says otherwise. */
    private static int servicePort() {
        Properties p = new Properties();
        try (InputStream in = KubernetesManifestsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Integer.parseInt(p.getProperty("%prod.quarkus.http.port", p.getProperty("quarkus.http.port", "8080")));
    }

    /** A port given by number or by the name of one of the container's ports. */
    private static int resolve(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()))
                .getContainerPort();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
