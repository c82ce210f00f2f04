package org.airattack.stats.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
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
 * The objects {@code kubectl kustomize k8s} renders. {@code .ci/run} renders them to
 * {@value #RENDERED} before the tests; when that file is missing or older than a file under
 * {@code k8s/}, this renders it again, and fails with a clear message where kubectl is missing.
 */
final class RenderedManifests {

    static final String RENDERED = "target/k8s-rendered.yaml";
    static final Path BASE = Path.of("k8s");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ObjectNode> cached;

    private RenderedManifests() {
    }

    /** Every rendered object, in the order kustomize writes them. */
    static synchronized List<ObjectNode> objects() {
        if (cached == null) {
            cached = List.copyOf(parse(render()));
        }
        return cached;
    }

    /** The one rendered object of a kind. */
    static ObjectNode one(String kind) {
        List<ObjectNode> found = objects().stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " in the rendered manifests, found " + found.size());
        }
        return found.get(0).deepCopy();
    }

    static Deployment deployment() {
        return as(one("Deployment"), Deployment.class);
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

    private static String render() {
        Path rendered = Path.of(RENDERED);
        try {
            if (!Files.exists(rendered) || Files.getLastModifiedTime(rendered).compareTo(newestUnder(BASE)) < 0) {
                Files.createDirectories(rendered.getParent());
                Files.writeString(rendered, kustomize());
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

    private static String kustomize() throws IOException {
        Path errors = Files.createTempFile("kustomize", ".err");
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", BASE.toString()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is not installed (or not on PATH): cannot render " + BASE
                    + " for the manifest tests. Install kubectl, or render them first with `kubectl kustomize k8s > "
                    + RENDERED + "`", e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + BASE + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + BASE, e);
        }
        String err = Files.readString(errors);
        Files.delete(errors);
        if (p.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + BASE + " failed (exit " + p.exitValue() + "): " + err);
        }
        return out;
    }
}
