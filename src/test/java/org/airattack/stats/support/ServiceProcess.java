package org.airattack.stats.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar, prod profile) as a separate process on
 * a database of the test's choosing: a second replica, a service whose database goes away, one
 * that is killed with SIGKILL. Logs go to target/&lt;name&gt;.log.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String WRITER = "resilience";
    public static final String WRITER_PASSWORD = "resilience-writer-password";

    /** The heap of a service process unless a test asks for other JVM options. */
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m");

    private final String name;
    private final String jdbcUrl;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final int port;
    private Process process;

    private ServiceProcess(String name, String jdbcUrl, Map<String, String> properties, List<String> jvmOptions) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.jvmOptions = jvmOptions;
        this.port = freePort();
    }

    /** Starts the service with a 256 MiB heap and waits until it is live. */
    public static ServiceProcess start(String name, String jdbcUrl, Map<String, String> properties) {
        return start(name, jdbcUrl, properties, DEFAULT_JVM_OPTIONS);
    }

    /** Starts the service with these JVM options (e.g. {@link #imageJvmOptions()}) and waits until it is live. */
    public static ServiceProcess start(String name, String jdbcUrl, Map<String, String> properties, List<String> jvmOptions) {
        ServiceProcess p = new ServiceProcess(name, jdbcUrl, properties, jvmOptions);
        p.launch();
        return p;
    }

    /**
     * The JVM as the container image runs it: the collector and memory options of
     * src/main/docker/Dockerfile.jvm ({@code GC_CONTAINER_OPTIONS}, {@code JAVA_OPTS_MEMORY}) and, as the
     * memory the JVM sizes its heap from, the pod's memory limit in k8s/base/deployment.yaml.
     */
    public static List<String> imageJvmOptions() {
        try {
            List<String> options = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src", "main", "docker", "Dockerfile.jvm"))) {
                for (String name : List.of("GC_CONTAINER_OPTIONS", "JAVA_OPTS_MEMORY")) {
                    if (line.startsWith("ENV " + name + "=\"")) {
                        options.addAll(List.of(line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')).trim().split("\\s+")));
                    }
                }
            }
            String limit = null;
            boolean limits = false;
            for (String line : Files.readAllLines(Path.of("k8s", "base", "deployment.yaml"))) {
                limits |= line.strip().equals("limits:");
                if (limits && line.strip().startsWith("memory:")) {
                    limit = line.strip().substring("memory:".length()).strip().replace("\"", "");
                    break;
                }
            }
            if (options.isEmpty() || limit == null || !limit.matches("\\d+(Mi|Gi)")) {
                throw new IllegalStateException("cannot read the image's JVM options or the pod's memory limit (" + limit + ")");
            }
            options.add("-XX:MaxRAM=" + limit.substring(0, limit.length() - 2) + (limit.endsWith("Gi") ? "g" : "m"));
            return options;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read src/main/docker/Dockerfile.jvm or k8s/base/deployment.yaml", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Starts the process again on the same port and database (after a kill). */
    public void restart() {
        launch();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void launch() {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the ITs through `./mvnw verify`, which packages first");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + System.getenv().getOrDefault("TEST_DB_USER", "postgres"),
                "-Dquarkus.datasource.password=" + System.getenv().getOrDefault("TEST_DB_PASSWORD", ""),
                "-Dquarkus.security.users.embedded.users." + WRITER + "=" + WRITER_PASSWORD,
                "-Dquarkus.security.users.embedded.roles." + WRITER + "=writer"));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            File log = Path.of("target", name + ".log").toFile();
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        awaitStatus("/q/health/live", 200, Duration.ofSeconds(60));
    }

    /** Waits until GET path answers the status; returns how long it took. */
    public Duration awaitStatus(String path, int status, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/" + name + ".log");
            }
            last = status(path);
            if (last == status) {
                return Duration.between(start, Instant.now());
            }
            sleep(100);
        }
        throw new AssertionError(name + ": GET " + path + " did not answer " + status + " within " + timeout + " (last: " + last + ")");
    }

    /** The status of GET path, or -1 when the service does not answer. */
    public int status(String path) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
