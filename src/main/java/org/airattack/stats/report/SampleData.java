package org.airattack.stats.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.airattack.stats.config.AirAttackConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the three reports of the seed article (DOMAIN §1) into an empty database when
 * {@code airattack.sample.load} is on (dev mode), through the same path as POST /api/v1/reports.
 */
@ApplicationScoped
public class SampleData {

    static final String RESOURCE = "sample/seed-article.json";

    private final AirAttackConfig config;
    private final ReportService service;
    private final ReportRepository repository;
    private final ObjectMapper json;

    public SampleData(AirAttackConfig config, ReportService service, ReportRepository repository, ObjectMapper json) {
        this.config = config;
        this.service = service;
        this.repository = repository;
        this.json = json;
    }

    /** Runs after the read model has loaded, so the reports it posts are taken in like any write. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event)
            throws IOException {
        if (!config.sample().load() || QuarkusTransaction.requiringNew().call(repository::count) > 0) {
            return;
        }
        List<ReportRequest> reports;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sample data resource " + RESOURCE + " is missing");
            }
            reports = json.readValue(in, json.getTypeFactory().constructCollectionType(List.class, ReportRequest.class));
        }
        for (ReportRequest r : reports) {
            service.submit(r, Origin.SAMPLE);
        }
        Log.infof("loaded %d sample reports (the nights to 23 and 24 May 2025 and a Russian MoD claim)", reports.size());
    }
}
