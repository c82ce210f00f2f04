package org.airattack.stats.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Wrong credentials counted per client: more than the allowed number within the window locks the
 * client out for the lock time. Holds at most a fixed number of clients, forgetting the one seen
 * least recently, so no number of addresses makes it grow without bound.
 */
public final class FailedSignIns {

    /** One client's count. */
    private static final class Client {
        long windowStart;
        int failures;
        boolean locked;
        long lockedUntil;

        Client(long now) {
            this.windowStart = now;
        }
    }

    private final int allowed;
    private final long window;
    private final long lock;
    private final LongSupplier nanoTime;
    private final Map<String, Client> clients;

    /**
     * @param allowed    wrong credentials a client may send within the window
     * @param window     how long its wrong credentials are counted together
     * @param lock       how long it is locked out once it sends one more
     * @param maxClients the most clients remembered
     * @param nanoTime   the clock, {@link System#nanoTime()} outside tests
     */
    public FailedSignIns(int allowed, Duration window, Duration lock, int maxClients, LongSupplier nanoTime) {
        this.allowed = allowed;
        this.window = window.toNanos();
        this.lock = lock.toNanos();
        this.nanoTime = nanoTime;
        // in access order, so the eldest entry is the client seen least recently
        this.clients = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** How long the client stays locked out; zero when it may send credentials. */
    public synchronized Duration lockedFor(String client) {
        Client c = clients.get(client);
        if (c == null || !c.locked) {
            return Duration.ZERO;
        }
        long left = c.lockedUntil - nanoTime.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Counts one wrong credential of the client; true when that locks it out. */
    public synchronized boolean failed(String client) {
        long now = nanoTime.getAsLong();
        Client c = clients.computeIfAbsent(client, k -> new Client(now));
        if (c.locked && c.lockedUntil - now > 0) {
            // sent before the lock began and answered after: the lock already counts it
            return false;
        }
        if (c.locked || now - c.windowStart >= window) {
            c.locked = false;
            c.windowStart = now;
            c.failures = 0;
        }
        c.failures++;
        if (c.failures > allowed) {
            c.locked = true;
            c.lockedUntil = now + lock;
            return true;
        }
        return false;
    }
}
