package org.airattack.stats.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The objects {@code kubectl kustomize} renders from the base ({@code k8s}) and from each overlay.
 * {@code .ci/run} renders the base to {@value #RENDERED} before the tests; when a rendered file is
 * missing or older than a file under {@code k8s/}, this renders it again, and fails with a clear
 * message where kubectl is missing.
 */
final class RenderedManifests {

    static final String RENDERED = "target/k8s-rendered.yaml";
    static final Path K8S = Path.of("k8s");
    /** The base, as {@code kubectl apply -k k8s} applies it. */
    static final String BASE = "k8s";
    static final String DEV = "k8s/overlays/dev";
    static final String PROD = "k8s/overlays/prod";
    /** Every kustomization an operator may apply. */
    static final List<String> ALL = List.of(BASE, DEV, PROD);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, List<ObjectNode>> cached = new HashMap<>();

    private RenderedManifests() {
    }

    /** Every object the base renders, in the order kustomize writes them. */
    static List<ObjectNode> objects() {
        return objects(BASE);
    }

    /** Every object a kustomization renders, in the order kustomize writes them. */
    static synchronized List<ObjectNode> objects(String kustomization) {
        return cached.computeIfAbsent(kustomization, k -> List.copyOf(parse(render(k))));
    }

    /** The one object of a kind the base renders. */
    static ObjectNode one(String kind) {
        return one(BASE, kind);
    }

    /** The one object of a kind a kustomization renders. */
    static ObjectNode one(String kustomization, String kind) {
        List<ObjectNode> found = all(kustomization, kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " in " + kustomization + ", found " + found.size());
        }
        return found.get(0);
    }

    /** Every object of a kind a kustomization renders (copies: a test may change them). */
    static List<ObjectNode> all(String kustomization, String kind) {
        return objects(kustomization).stream().filter(o -> kind.equals(o.path("kind").asText()))
                .map(ObjectNode::deepCopy).toList();
    }

    static Deployment deployment() {
        return deployment(BASE);
    }

    static Deployment deployment(String kustomization) {
        return as(one(kustomization, "Deployment"), Deployment.class);
    }

    static <T> T as(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot read " + node.path("kind").asText() + " as " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!(doc instanceof ObjectNode object)) {
                    throw new AssertionError("a rendered document is not an object: " + doc);
                }
                objects.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the rendered manifests", e);
        }
        return objects;
    }

    private static String render(String kustomization) {
        Path rendered = Path.of(BASE.equals(kustomization) ? RENDERED
                : "target/k8s-rendered-" + Path.of(kustomization).getFileName() + ".yaml");
        try {
            if (!Files.exists(rendered) || Files.getLastModifiedTime(rendered).compareTo(newestUnder(K8S)) < 0) {
                Files.createDirectories(rendered.getParent());
                Files.writeString(rendered, kustomize(kustomization));
            }
            return Files.readString(rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime newestUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(RenderedManifests::modified).max(FileTime::compareTo)
                    .orElseThrow(() -> new AssertionError("no manifests under " + dir.toAbsolutePath()));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kustomize(String kustomization) throws IOException {
        Path errors = Files.createTempFile("kustomize", ".err");
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", kustomization).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is not installed (or not on PATH): cannot render " + kustomization
                    + " for the manifest tests. Install kubectl (Debian: kubernetes-client)", e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + kustomization + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + kustomization, e);
        }
        String err = Files.readString(errors);
        Files.delete(errors);
        if (p.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + kustomization + " failed (exit " + p.exitValue() + "): " + err);
        }
        return out;
    }
}
