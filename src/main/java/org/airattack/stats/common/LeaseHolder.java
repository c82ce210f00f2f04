package org.airattack.stats.common;

import java.util.UUID;

/** How a replica names itself in the leases it takes (the channel's, a webhook delivery's). */
public final class LeaseHolder {

    private LeaseHolder() {
    }

    /**
     * A new name for this process: the pod's host name (or {@code replica-<pid>} outside a container)
     * and a random suffix, so a restarted pod on the same host never passes for the one before it.
     */
    public static String name() {
        String host = System.getenv("HOSTNAME");
        String replica = host == null || host.isBlank() ? "replica-" + ProcessHandle.current().pid() : host;
        return replica + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
