package org.airattack.stats.readmodel;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the read model has loaded; reports its data version and when it last checked the database. */
@Readiness
public class ReadModelHealthCheck implements HealthCheck {

    private final ReadModel readModel;

    public ReadModelHealthCheck(ReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public HealthCheckResponse call() {
        Snapshot s = readModel.snapshot();
        return HealthCheckResponse.named("read-model")
                .status(readModel.loaded())
                .withData("dataVersion", s.version())
                .withData("reports", s.reportsNewestFirst().size())
                .withData("lastCheck", readModel.lastCheck().toString())
                .build();
    }
}
