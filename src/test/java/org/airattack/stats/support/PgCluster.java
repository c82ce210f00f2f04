package org.airattack.stats.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster of the machine's PostgreSQL version (Debian's postgresql-common
 * tools), on its own port, which a test can stop and start at will. Never the shared cluster.
 */
public final class PgCluster implements AutoCloseable {

    private final String version;
    private final String name;
    private final int port;

    private PgCluster(String version, String name, int port) {
        this.version = version;
        this.name = name;
        this.port = port;
    }

    /** Creates and starts a cluster with trust authentication on 127.0.0.1:port. */
    public static PgCluster create(String name, int port) {
        String version = version();
        PgCluster c = new PgCluster(version, name, port);
        c.run(true, "pg_dropcluster", "--stop", version, name);
        c.run(false, "pg_createcluster", "-p", String.valueOf(port), version, name, "--",
                "--auth-local=trust", "--auth-host=trust");
        c.start();
        c.run(false, "psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-qc", "create database airattack");
        return c;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/airattack";
    }

    public void start() {
        run(false, "pg_ctlcluster", version, name, "start");
        for (int i = 0; i < 100; i++) {
            if (run(true, "pg_isready", "-h", "127.0.0.1", "-p", String.valueOf(port)) == 0) {
                return;
            }
            ServiceProcess.sleep(100);
        }
        throw new IllegalStateException("cluster " + name + " did not start");
    }

    /** Stops it as an outage would: immediate shutdown, connections cut. */
    public void stop() {
        run(false, "pg_ctlcluster", version, name, "stop", "-m", "immediate");
    }

    @Override
    public void close() {
        run(true, "pg_dropcluster", "--stop", version, name);
    }

    private static String version() {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /etc/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL's cluster tools (postgresql-common) are needed for this test", e);
        }
    }

    private int run(boolean mayFail, String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "pg-cluster-" + name + ".log").toFile()))
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish");
            }
            if (p.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed with " + p.exitValue() + "; see target/pg-cluster-"
                        + name + ".log");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
