package org.airattack.stats.metrics;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for Quarkus' own {@code http_server_requests_seconds} timer, so the "Service
 * health" dashboard can show latency quantiles summed over replicas. A fixed, short list of
 * boundaries keeps the series count low (Micrometer's full histogram has 70-odd buckets).
 */
@Singleton
public class HttpServerHistogram {

    /** Bucket boundaries from a fast in-memory read to a slow whole-file import. */
    static final Duration[] BOUNDARIES = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                double[] nanos = Stream.of(BOUNDARIES).mapToDouble(Duration::toNanos).toArray();
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
