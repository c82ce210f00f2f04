package org.airattack.stats.k8s;

import static org.airattack.stats.k8s.RenderedManifests.all;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * The kustomize base under k8s/ and its overlays, as {@code kubectl kustomize} renders them: every
 * object held to the Kubernetes schema (no unknown field anywhere), labelled, and wired the way the
 * service needs it.
 */
class KubernetesManifestsTest {

    /** The health endpoints SmallRye Health serves (KubernetesProbesTest asks the running service). */
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    /** The keys of the {@code <cluster>-app} Secret CloudNativePG generates (pkg/specs/secrets.go). */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "user", "password", "dbname", "host", "port",
            "pgpass", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri");

    /** The Secret of writers the operator of the service creates (docs/deployment.md, "Kubernetes"). */
    static final String WRITERS_SECRET = "air-attack-stats-writers";

    /** The labels Kubernetes recommends (docs: "Recommended Labels"), on every object. */
    static final List<String> RECOMMENDED_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
            "app.kubernetes.io/version", "app.kubernetes.io/component", "app.kubernetes.io/part-of",
            "app.kubernetes.io/managed-by");

    static final String DOCKERFILE_JVM = "src/main/docker/Dockerfile.jvm";

    /** What the Deployment, Service, budget, policy and monitor select by: the application, nothing that changes. */
    static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/name", "air-attack-stats");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    /** The base and both overlays. */
    static Stream<String> kustomizations() {
        return RenderedManifests.ALL.stream();
    }

    @Test
    void shouldRenderTheObjectsOfEachKustomizationAndNoSecret() {
        List<String> base = List.of("Cluster", "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "NetworkPolicy",
                "PodDisruptionBudget", "PrometheusRule", "Service", "ServiceMonitor");
        assertEquals(base, kinds(RenderedManifests.BASE));
        assertEquals(base, kinds(RenderedManifests.DEV));
        List<String> prod = new ArrayList<>(base);
        prod.addAll(List.of("Ingress", "ScheduledBackup"));
        assertEquals(prod.stream().sorted().toList(), kinds(RenderedManifests.PROD));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldFitTheKubernetesSchemaWithNoUnknownFieldAnywhere(String k) {
        List<String> violations = objects(k).stream().flatMap(o -> ManifestSchema.violations(o).stream()).toList();
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
        ((ObjectNode) cluster.get("spec")).putObject("monitoring");
        assertEquals(Set.of(
                "Cluster air-attack-stats-db: spec.instances: expected an integer",
                "Cluster air-attack-stats-db: spec.bootstrap.initdb.ownr: unknown field",
                "Cluster air-attack-stats-db: spec.resources.limitz: unknown field",
                "Cluster air-attack-stats-db: spec.monitoring: a field of the CRD that the schema under k8s-schemas does not "
                        + "describe yet; describe it from the CRD before using it"),
                Set.copyOf(ManifestSchema.violations(cluster)));

        ObjectNode backedUp = one(RenderedManifests.PROD, "Cluster");
        ((ObjectNode) backedUp.at("/spec/backup/barmanObjectStore/wal")).put("compression", "zip");
        ((ObjectNode) backedUp.at("/spec/backup")).put("retentionPolicy", "30 days");
        ((ObjectNode) backedUp.at("/spec/backup/barmanObjectStore/s3Credentials")).putObject("accessKey");
        assertEquals(Set.of(
                "Cluster air-attack-stats-db: spec.backup.barmanObjectStore.wal.compression: expected one of bzip2, gzip, "
                        + "lz4, snappy, xz, zstd",
                "Cluster air-attack-stats-db: spec.backup.retentionPolicy: expected a string matching ^[1-9][0-9]*[dwm]$",
                "Cluster air-attack-stats-db: spec.backup.barmanObjectStore.s3Credentials.accessKey: unknown field"),
                Set.copyOf(ManifestSchema.violations(backedUp)));

        ObjectNode schedule = one(RenderedManifests.PROD, "ScheduledBackup");
        ((ObjectNode) schedule.get("spec")).put("schedule", "0 13 * * *");
        ((ObjectNode) schedule.get("spec")).put("backupOwnerReference", "Self");
        ((ObjectNode) schedule.get("spec")).putObject("clustr").put("name", "air-attack-stats-db");
        assertEquals(Set.of(
                "ScheduledBackup air-attack-stats-db-daily: spec.schedule: expected a string matching ^\\S+( \\S+){5}$",
                "ScheduledBackup air-attack-stats-db-daily: spec.backupOwnerReference: expected one of none, self, cluster",
                "ScheduledBackup air-attack-stats-db-daily: spec.clustr: unknown field"),
                Set.copyOf(ManifestSchema.violations(schedule)));

        ObjectNode rule = one("PrometheusRule");
        ((ObjectNode) rule.at("/spec/groups/0/rules/0")).put("expresion", "up");
        assertEquals(List.of("PrometheusRule air-attack-stats: spec.groups[0].rules[0].expresion: unknown field"),
                ManifestSchema.violations(rule));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldProbeOnlyHealthEndpointsOnTheServicePort(String k) {
        Container container = container(k);
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

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldRunAtLeastTwoNonRootReadOnlyReplicasWithRequestsAndLimits(String k) {
        Deployment deployment = RenderedManifests.deployment(k);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = container(k);
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

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldTakeCredentialsFromSecretsByReferenceAndSettingsFromTheConfigMap(String k) {
        Container container = container(k);
        String appSecret = one(k, "Cluster").at("/metadata/name").asText() + "-app";
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

        ConfigMap config = as(one(k, "ConfigMap"), ConfigMap.class);
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

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldPointServiceMonitorBudgetAutoscalerAndPolicyAtTheDeployment(String k) {
        Deployment deployment = RenderedManifests.deployment(k);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container container = container(k);
        Service service = as(one(k, "Service"), Service.class);
        ServiceMonitor monitor = as(one(k, "ServiceMonitor"), ServiceMonitor.class);
        PodDisruptionBudget budget = as(one(k, "PodDisruptionBudget"), PodDisruptionBudget.class);
        HorizontalPodAutoscaler autoscaler = as(one(k, "HorizontalPodAutoscaler"), HorizontalPodAutoscaler.class);
        NetworkPolicy policy = as(one(k, "NetworkPolicy"), NetworkPolicy.class);
        String cluster = one(k, "Cluster").at("/metadata/name").asText();

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
                // an apply never sets fewer replicas than the autoscaler keeps
                () -> assertEquals(autoscaler.getSpec().getMinReplicas(), deployment.getSpec().getReplicas()),
                () -> assertTrue(podLabels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet())),
                () -> assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes()));

        List<NetworkPolicyPort> in = policy.getSpec().getIngress().stream().flatMap(r -> r.getPorts().stream()).toList();
        assertEquals(1, in.size(), "one way in: the HTTP port");
        assertEquals(servicePort(), resolve(in.get(0).getPort(), container));
        assertTrue(policy.getSpec().getIngress().stream().allMatch(r -> r.getFrom() == null || r.getFrom().isEmpty()),
                "clients, the ingress controller and Prometheus all come in on the HTTP port");

        var egress = policy.getSpec().getEgress();
        assertEquals(3, egress.size(), "three ways out: PostgreSQL, DNS and HTTPS for the channel follower");
        assertEquals(Map.of("cnpg.io/cluster", cluster), egress.get(0).getTo().get(0).getPodSelector().getMatchLabels());
        assertEquals(List.of(5432), egress.get(0).getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
        assertEquals(Set.of("UDP", "TCP"), Set.copyOf(egress.get(1).getPorts().stream().map(NetworkPolicyPort::getProtocol).toList()));
        assertTrue(egress.get(1).getPorts().stream().allMatch(p -> p.getPort().getIntVal() == 53));
        assertNull(egress.get(1).getTo().get(0).getIpBlock(), "DNS is the cluster's, selected by label");
        // The follower reads t.me over HTTPS: public addresses only, never the cluster's own ranges.
        assertEquals(List.of(443), egress.get(2).getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
        assertEquals(List.of("TCP"), egress.get(2).getPorts().stream().map(NetworkPolicyPort::getProtocol).toList());
        var https = egress.get(2).getTo().get(0).getIpBlock();
        assertEquals("0.0.0.0/0", https.getCidr());
        assertTrue(https.getExcept().containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")),
                "HTTPS out excludes the private ranges: " + https.getExcept());
        assertEquals("true", as(one(k, "ConfigMap"), ConfigMap.class).getData().get("AIRATTACK_CHANNEL_ENABLED"),
                "the cluster follows the channel, which is what the HTTPS rule is for");
    }

    @Test
    void shouldBuildImagesThatRunAsANumericNonRootUserOnTheServicePort() {
        Pattern user = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$");
        Pattern expose = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)\\s*$");
        for (Path file : List.of(Path.of(DOCKERFILE_JVM), Path.of("src/main/docker/Dockerfile.native-micro"))) {
            String text = read(file);
            // The image runs as the last USER: a build step may need root before it (installing fonts).
            String last = null;
            for (Matcher u = user.matcher(text); u.find(); ) {
                last = u.group(1);
            }
            assertNotNull(last, file + " sets a USER");
            // runAsNonRoot can only verify a numeric user.
            assertTrue(last.matches("\\d+") && Integer.parseInt(last) > 0, file + " runs as root or a named user");
            Matcher e = expose.matcher(text);
            assertTrue(e.find(), file + " exposes a port");
            assertEquals(servicePort(), Integer.parseInt(e.group(1)), file + " exposes another port");
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldGiveEveryObjectTheRecommendedLabelsWithTheImagesVersion(String k) {
        String tag = tag(container(k).getImage());
        for (ObjectNode object : objects(k)) {
            String what = k + ": " + object.path("kind").asText() + " " + object.at("/metadata/name").asText();
            JsonNode labels = object.at("/metadata/labels");
            for (String label : RECOMMENDED_LABELS) {
                assertFalse(labels.path(label).asText().isBlank(), what + " has no label " + label);
            }
            assertEquals("air-attack-stats", labels.path("app.kubernetes.io/part-of").asText(), what);
            assertEquals(tag, labels.path("app.kubernetes.io/version").asText(), what + ": the version is the image's tag");
        }
        Map<String, String> pod = RenderedManifests.deployment(k).getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(pod.keySet().containsAll(RECOMMENDED_LABELS), k + ": the pods carry the recommended labels");
        assertEquals(tag, pod.get("app.kubernetes.io/version"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldSelectByTheApplicationOnlySoSelectorsNeverChange(String k) {
        Deployment deployment = RenderedManifests.deployment(k);
        assertAll(
                () -> assertEquals(SELECTOR, deployment.getSpec().getSelector().getMatchLabels()),
                () -> assertEquals(SELECTOR, as(one(k, "Service"), Service.class).getSpec().getSelector()),
                () -> assertEquals(SELECTOR, as(one(k, "PodDisruptionBudget"), PodDisruptionBudget.class).getSpec().getSelector()
                        .getMatchLabels()),
                () -> assertEquals(SELECTOR, as(one(k, "NetworkPolicy"), NetworkPolicy.class).getSpec().getPodSelector()
                        .getMatchLabels()),
                () -> assertEquals(SELECTOR, as(one(k, "ServiceMonitor"), ServiceMonitor.class).getSpec().getSelector()
                        .getMatchLabels()),
                () -> deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()
                        .forEach(c -> assertEquals(SELECTOR, c.getLabelSelector().getMatchLabels())));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldSpreadTheReplicasOverNodesAndZones(String k) {
        Deployment deployment = RenderedManifests.deployment(k);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, TopologySpreadConstraint> byKey = new LinkedHashMap<>();
        deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().forEach(c -> byKey.put(c.getTopologyKey(), c));
        assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), byKey.keySet());
        byKey.values().forEach(c -> {
            assertEquals(1, c.getMaxSkew());
            assertTrue(podLabels.entrySet().containsAll(c.getLabelSelector().getMatchLabels().entrySet()), "it counts our pods");
            // a node short of room must not keep a replica from starting
            assertEquals("ScheduleAnyway", c.getWhenUnsatisfiable());
            assertEquals(List.of("pod-template-hash"), c.getMatchLabelKeys(), "each rollout is spread on its own");
        });
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldLeaveTheEndpointsBeforeTheJvmStopsAndFinishRequestsBeforeTheKill(String k) {
        PodSpec pod = RenderedManifests.deployment(k).getSpec().getTemplate().getSpec();
        Container container = container(k);
        assertNotNull(container.getLifecycle().getPreStop().getSleep(), "preStop waits (the kubelet's sleep action)");
        long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
        long shutdown = Duration.parse("PT" + applicationProperties().getProperty("quarkus.shutdown.timeout")).toSeconds();
        long readinessPeriod = container.getReadinessProbe().getPeriodSeconds();
        assertAll(
                // the endpoint controllers, kube-proxy and ingress controllers need a few seconds
                () -> assertTrue(preStop >= readinessPeriod, "preStop waits " + preStop + " s"),
                () -> assertTrue(shutdown > 0, "quarkus.shutdown.timeout lets requests in flight finish"),
                () -> assertTrue(pod.getTerminationGracePeriodSeconds() > preStop + shutdown, "terminationGracePeriodSeconds "
                        + pod.getTerminationGracePeriodSeconds() + " s covers the preStop wait " + preStop
                        + " s and the shutdown timeout " + shutdown + " s"));
    }

    @ParameterizedTest
    @ValueSource(strings = { RenderedManifests.DEV, RenderedManifests.PROD })
    void shouldPinTheImageAndNameTheOriginsInEachOverlay(String k) {
        Container container = container(k);
        String tag = tag(container.getImage());
        assertAll(
                () -> assertTrue(tag.matches("\\d+\\.\\d+\\.\\d+(-[\\w.]+)?"), container.getImage() + " is pinned to a release"),
                () -> assertTrue(container.getImage().contains("/"), container.getImage() + " comes from a registry"),
                () -> assertNotNull(one(k, "Cluster").at("/metadata/namespace").textValue(), "the overlay names its namespace"));
        String origins = as(one(k, "ConfigMap"), ConfigMap.class).getData().get("AIRATTACK_CORS_ORIGINS");
        assertNotNull(origins, "the overlay says which origins may read");
        if (RenderedManifests.PROD.equals(k)) {
            for (String origin : origins.split(",")) {
                assertTrue(origin.matches("https://[a-z0-9.-]+(:\\d+)?"), origin + " is an https origin");
            }
        }
    }

    @Test
    void shouldGiveProdMoreReplicasThanDevAndTheSameMemoryLimit() {
        Deployment dev = RenderedManifests.deployment(RenderedManifests.DEV);
        Deployment prod = RenderedManifests.deployment(RenderedManifests.PROD);
        assertTrue(prod.getSpec().getReplicas() > dev.getSpec().getReplicas());
        // the heap is a share of the limit (Dockerfile.jvm): the limit is the benchmarked one in both
        assertEquals(memoryLimit(RenderedManifests.BASE), memoryLimit(RenderedManifests.DEV));
        assertEquals(memoryLimit(RenderedManifests.BASE), memoryLimit(RenderedManifests.PROD));
        Container prodContainer = container(RenderedManifests.PROD);
        assertEquals(prodContainer.getResources().getLimits().get("memory"), prodContainer.getResources().getRequests().get("memory"),
                "prod requests all the memory it may use, so it is never evicted for it");
    }

    @Test
    void shouldRouteTheIngressToTheServiceAndLeaveItsCachingHeadersAlone() {
        Ingress ingress = as(one(RenderedManifests.PROD, "Ingress"), Ingress.class);
        Service service = as(one(RenderedManifests.PROD, "Service"), Service.class);
        var rules = ingress.getSpec().getRules();
        assertEquals(1, rules.size());
        IngressBackend backend = rules.get(0).getHttp().getPaths().get(0).getBackend();
        assertAll(
                () -> assertEquals("/", rules.get(0).getHttp().getPaths().get(0).getPath()),
                () -> assertEquals(service.getMetadata().getName(), backend.getService().getName()),
                () -> assertEquals(service.getSpec().getPorts().get(0).getName(), backend.getService().getPort().getName()),
                () -> assertEquals(List.of(rules.get(0).getHost()), ingress.getSpec().getTls().get(0).getHosts(),
                        "the certificate is for the host it serves"));
        // ETag, Cache-Control, Vary and Last-Modified come from the service: no proxy cache, buffering,
        // compression or header snippets in between
        Map<String, String> annotations = ingress.getMetadata().getAnnotations() == null ? Map.of()
                : ingress.getMetadata().getAnnotations();
        annotations.keySet().forEach(a -> assertFalse(a.matches("(?i).*(cache|buffer|gzip|brotli|snippet|header|rewrite).*"),
                "the Ingress annotation " + a + " may strip or change the service's caching headers"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldScheduleBackupsOnlyWhereTheClusterHasABackupTarget(String k) {
        JsonNode cluster = one(k, "Cluster");
        List<ObjectNode> schedules = all(k, "ScheduledBackup");
        JsonNode store = cluster.at("/spec/backup/barmanObjectStore");
        assertEquals(!store.isMissingNode(), !schedules.isEmpty(), k + ": a ScheduledBackup needs the Cluster's backup target");
        for (ObjectNode schedule : schedules) {
            assertEquals(cluster.at("/metadata/name").asText(), schedule.at("/spec/cluster/name").asText());
            assertEquals("barmanObjectStore", schedule.at("/spec/method").asText());
        }
        if (!store.isMissingNode()) {
            assertTrue(store.path("destinationPath").asText().startsWith("s3://"), "an object store path");
            assertFalse(cluster.at("/spec/backup/retentionPolicy").asText().isEmpty(), "old backups are deleted");
            // credentials by reference to a Secret that is not in the repository
            Set<String> secrets = new HashSet<>();
            store.path("s3Credentials").forEach(ref -> {
                assertEquals(Set.of("name", "key"), fieldNames(ref), "a Secret key reference, never a value");
                secrets.add(ref.path("name").asText());
            });
            assertEquals(1, secrets.size());
            assertTrue(all(k, "Secret").isEmpty(), "no Secret is rendered");
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void shouldFitTheImagesJvmIntoTheContainersMemoryLimit(String k) throws IOException, InterruptedException {
        long limit = memoryLimit(k).getNumericalAmount().longValueExact();
        Map<String, Long> flags = jvmFlags(limit);
        long heap = flags.get("MaxHeapSize");
        long young = flags.get("MaxNewSize");
        long beyondHeap = flags.get("MaxMetaspaceSize") + flags.get("ReservedCodeCacheSize") + flags.get("MaxDirectMemorySize");
        Matcher share = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(env(read(Path.of(DOCKERFILE_JVM)), "JAVA_OPTS_MEMORY"));
        assertTrue(share.find(), "the heap is a share of the container's memory (MaxRAMPercentage)");
        long expected = limit * Long.parseLong(share.group(1)) / 100;
        assertAll(
                // the JVM rounds the heap to 2 MiB
                () -> assertTrue(Math.abs(heap - expected) <= 2L << 20, "heap " + heap + " is MaxRAMPercentage of the limit, "
                        + expected),
                () -> assertTrue(heap + beyondHeap < limit, "heap " + heap + " + metaspace, code cache and direct memory "
                        + beyondHeap + " fit the limit " + limit),
                // the young generation holds what an uncached full-history answer builds (docs/performance.md)
                () -> assertTrue(young >= 32L << 20, "young generation " + young),
                () -> assertTrue(heap - young >= 32L << 20, "old generation " + (heap - young) + " holds the ~30 MiB of live data"));
    }

    private static List<String> kinds(String k) {
        return objects(k).stream().map(o -> o.path("kind").asText()).sorted().toList();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    private static Quantity memoryLimit(String k) {
        return container(k).getResources().getLimits().get("memory");
    }

    /**
     * The heap and memory flags of a JVM started with the image's options (Dockerfile.jvm: the GC the base image's
     * run-java.sh is told to use, then JAVA_OPTS_MEMORY) in a container with this memory limit.
     */
    private static Map<String, Long> jvmFlags(long memoryLimit) throws IOException, InterruptedException {
        String dockerfile = read(Path.of(DOCKERFILE_JVM));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(env(dockerfile, "GC_CONTAINER_OPTIONS").split("\\s+")));
        command.addAll(List.of(env(dockerfile, "JAVA_OPTS_MEMORY").split("\\s+")));
        command.addAll(List.of("-XX:MaxRAM=" + memoryLimit, "-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(30, TimeUnit.SECONDS), "java -version did not finish");
        assertEquals(0, java.exitValue(), "the JVM does not start with the image's options:\n" + out);
        Map<String, Long> flags = new LinkedHashMap<>();
        for (String flag : List.of("MaxHeapSize", "MaxNewSize", "MaxMetaspaceSize", "ReservedCodeCacheSize", "MaxDirectMemorySize")) {
            Matcher m = Pattern.compile("(?m)^\\s*\\S+\\s+" + flag + "\\s+:?=\\s+(\\d+)\\s").matcher(out);
            assertTrue(m.find(), "java -XX:+PrintFlagsFinal printed no " + flag);
            flags.put(flag, Long.parseLong(m.group(1)));
        }
        return flags;
    }

    /** The value of an {@code ENV NAME="value"} line of a Dockerfile. */
    private static String env(String dockerfile, String name) {
        Matcher m = Pattern.compile("(?m)^ENV " + name + "=\"([^\"]*)\"\\s*$").matcher(dockerfile);
        assertTrue(m.find(), "Dockerfile.jvm sets " + name);
        return m.group(1);
    }

    private static Container container(String k) {
        List<Container> containers = RenderedManifests.deployment(k).getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    /** The port Quarkus listens on in prod: quarkus.http.port, 8080 unless application.properties says otherwise. */
    private static int servicePort() {
        Properties p = applicationProperties();
        return Integer.parseInt(p.getProperty("%prod.quarkus.http.port", p.getProperty("quarkus.http.port", "8080")));
    }

    private static Properties applicationProperties() {
        Properties p = new Properties();
        try (InputStream in = KubernetesManifestsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
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
