package org.airattack.stats.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.airattack.stats.web.FailedSignIns;
import org.airattack.stats.web.SignInThrottle;
import org.junit.jupiter.api.Test;

/** The counting behind the sign-in throttle, on a clock the test moves. */
class FailedSignInsTest {

    private long now = 1_000_000_000L;

    private FailedSignIns failures(int allowed, int maxClients) {
        return new FailedSignIns(allowed, Duration.ofMinutes(1), Duration.ofMinutes(10), maxClients, () -> now);
    }

    private void advance(Duration d) {
        now += d.toNanos();
    }

    @Test
    void shouldLockAClientOutOnTheFirstFailureBeyondTheAllowedOnes() {
        FailedSignIns f = failures(3, 100);
        for (int i = 0; i < 3; i++) {
            assertFalse(f.failed("10.0.0.1"));
            assertEquals(Duration.ZERO, f.lockedFor("10.0.0.1"));
        }
        assertTrue(f.failed("10.0.0.1"));
        assertEquals(Duration.ofMinutes(10), f.lockedFor("10.0.0.1"));
        advance(Duration.ofMinutes(4));
        assertEquals(Duration.ofMinutes(6), f.lockedFor("10.0.0.1"));
    }

    @Test
    void shouldLockNoOtherClient() {
        FailedSignIns f = failures(1, 100);
        f.failed("10.0.0.1");
        f.failed("10.0.0.1");
        assertEquals(Duration.ofMinutes(10), f.lockedFor("10.0.0.1"));
        assertEquals(Duration.ZERO, f.lockedFor("10.0.0.2"));
        assertFalse(f.failed("10.0.0.2"));
    }

    @Test
    void shouldForgetFailuresOnceTheirWindowHasPassed() {
        FailedSignIns f = failures(3, 100);
        for (int i = 0; i < 3; i++) {
            f.failed("10.0.0.1");
        }
        advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertFalse(f.failed("10.0.0.1"));
        }
        assertTrue(f.failed("10.0.0.1"));
    }

    @Test
    void shouldLetALockedOutClientTryAgainAfterTheLockTime() {
        FailedSignIns f = failures(0, 100);
        assertTrue(f.failed("10.0.0.1"));
        advance(Duration.ofMinutes(10));
        assertEquals(Duration.ZERO, f.lockedFor("10.0.0.1"));
        assertTrue(f.failed("10.0.0.1"), "a failure after the lock counts from the start, and locks again beyond the allowed ones");
    }

    @Test
    void shouldRememberNoMoreThanTheMostClients() {
        FailedSignIns f = failures(1, 1000);
        f.failed("10.0.0.1");
        for (int i = 0; i < 1000; i++) {
            f.failed("192.168." + (i / 250) + "." + (i % 250));
        }
        // the first client, seen least recently, was forgotten: its next failure is its first
        assertFalse(f.failed("10.0.0.1"));
        assertTrue(f.failed("10.0.0.1"));
    }

    @Test
    void shouldCountAnIpv6ClientByItsNetwork() {
        assertEquals(SignInThrottle.client("2001:db8:0:0:1:2:3:4"), SignInThrottle.client("2001:db8::ffff:1"));
        assertEquals("20010db800000000::/64", SignInThrottle.client("2001:db8::1"));
        assertFalse(SignInThrottle.client("2001:db8:0:1::1").equals(SignInThrottle.client("2001:db8::1")));
        assertEquals("203.0.113.7", SignInThrottle.client("203.0.113.7"));
    }
}
