package org.airattack.stats.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Holds a rendered object to the Kubernetes schema. Kinds with a fabric8 model (the version the
 * Quarkus BOM pins) are read into it: fabric8 collects every field it does not know in
 * {@code additionalProperties}, so any non-empty one, anywhere in the object, is a field Kubernetes
 * would drop or refuse. CloudNativePG's {@code Cluster} and {@code ScheduledBackup} have no fabric8
 * model: they are checked against the schemas under {@code k8s-schemas/}, written from the CRDs, whose
 * leaves may again name a fabric8 class for the core types the CRD embeds.
 */
final class ManifestSchema {

    /** apiVersion/kind → the fabric8 model. */
    static final Map<String, Class<?>> TYPED = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class,
            "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);

    /** apiVersion/kind → a schema resource written from the CRD. */
    static final Map<String, String> DESCRIBED = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "k8s-schemas/cnpg-cluster-v1.yaml",
            "postgresql.cnpg.io/v1/ScheduledBackup", "k8s-schemas/cnpg-scheduledbackup-v1.yaml");

    private static final String ONE_OF = "one of ";
    private static final String MATCHING = "matching ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestSchema() {
    }

    /** Every way the object departs from its schema, as "Kind name: path: problem"; empty when it fits. */
    static List<String> violations(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String name = object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
        List<String> out = new ArrayList<>();
        if (TYPED.containsKey(type)) {
            checkTyped(object, TYPED.get(type), "", out);
        } else if (DESCRIBED.containsKey(type)) {
            checkDescribed(object, schema(DESCRIBED.get(type)), "", out);
        } else {
            out.add("no schema for " + type + ": add its fabric8 model or a schema written from its CRD");
        }
        return out.stream().map(v -> name + ": " + v).toList();
    }

    private static void checkTyped(JsonNode node, Class<?> type, String path, List<String> out) {
        Object parsed;
        try {
            parsed = JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            out.add(path(path) + ": not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
            return;
        }
        unknownFields(parsed, path, out);
    }

    /** Walks a fabric8 object through its JSON properties and reports every additionalProperties key. */
    private static void unknownFields(Object value, String path, List<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, out));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                Object extra = invoke(getter, value);
                if (extra instanceof Map<?, ?> unknown) {
                    unknown.keySet().forEach(k -> out.add(path(path + "." + k) + ": unknown field"));
                }
                continue;
            }
            JsonProperty property = getter.getAnnotation(JsonProperty.class);
            if (property != null) {
                unknownFields(invoke(getter, value), path + "." + property.value(), out);
            }
        }
    }

    /**
     * A schema node is a mapping of field → schema (an object with exactly those fields), a
     * one-item sequence (a list of that), {@code string}, {@code integer}, {@code boolean},
     * {@code map} (string keys to string values), {@code one of a, b} (a string among those, an
     * enum of the CRD), {@code matching <regex>} (a string matching it, a pattern of the CRD), a
     * fabric8 class name (read and walked like a typed kind), or {@code undescribed} (a field of the
     * CRD that this schema does not describe yet: using it fails until someone does).
     */
    private static void checkDescribed(JsonNode node, JsonNode schema, String path, List<String> out) {
        if (schema.isObject()) {
            if (!node.isObject()) {
                out.add(path(path) + ": expected an object");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode fieldSchema = schema.get(field.getKey());
                if (fieldSchema == null) {
                    out.add(path(path + "." + field.getKey()) + ": unknown field");
                } else {
                    checkDescribed(field.getValue(), fieldSchema, path + "." + field.getKey(), out);
                }
            }
            return;
        }
        if (schema.isArray()) {
            if (!node.isArray()) {
                out.add(path(path) + ": expected a list");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                checkDescribed(node.get(i), schema.get(0), path + "[" + i + "]", out);
            }
            return;
        }
        String leaf = schema.asText();
        if (leaf.startsWith(ONE_OF)) {
            List<String> values = List.of(leaf.substring(ONE_OF.length()).split(",\\s*"));
            expect(node.isTextual() && values.contains(node.asText()), leaf, path, out);
            return;
        }
        if (leaf.startsWith(MATCHING)) {
            String regex = leaf.substring(MATCHING.length());
            expect(node.isTextual() && Pattern.compile(regex).matcher(node.asText()).matches(), "a string " + leaf, path, out);
            return;
        }
        switch (leaf) {
            case "string" -> expect(node.isTextual(), "a string", path, out);
            case "integer" -> expect(node.isIntegralNumber(), "an integer", path, out);
            case "boolean" -> expect(node.isBoolean(), "a boolean", path, out);
            case "map" -> {
                expect(node.isObject(), "an object", path, out);
                node.forEach(v -> expect(v.isTextual(), "string values", path, out));
            }
            case "undescribed" -> out.add(path(path) + ": a field of the CRD that the schema under k8s-schemas does not "
                    + "describe yet; describe it from the CRD before using it");
            default -> checkTyped(node, fabric8Class(leaf), path, out);
        }
    }

    private static void expect(boolean ok, String what, String path, List<String> out) {
        if (!ok) {
            out.add(path(path) + ": expected " + what);
        }
    }

    private static Class<?> fabric8Class(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the CRD schema names an unknown class " + name, e);
        }
    }

    private static JsonNode schema(String resource) {
        try (InputStream in = ManifestSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema resource " + resource);
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String path(String path) {
        return path.isEmpty() ? "(top)" : path.substring(1);
    }
}
