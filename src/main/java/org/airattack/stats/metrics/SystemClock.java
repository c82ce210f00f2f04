package org.airattack.stats.metrics;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock of the gauges that depend on the time of day ({@code airattack_night_overdue}). A default bean:
 * any other {@link Clock} bean (a test's fixed clock) takes its place.
 */
@Singleton
public class SystemClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
