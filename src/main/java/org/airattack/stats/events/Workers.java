package org.airattack.stats.events;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The push's own worker threads: one each, daemons, named so a thread dump tells them apart. */
final class Workers {

    private Workers() {
    }

    static ScheduledExecutorService single(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
