package org.airattack.stats.web;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.airattack.stats.report.ReportResponse;
import org.airattack.stats.report.ReportService;

/** The answer to a write of one report: 201 with its Location when it is new, else 200; the stored report either way. */
final class Written {

    private Written() {
    }

    static Response answer(ReportService.Result result) {
        ReportResponse body = ReportResponse.of(result.report());
        if (result.outcome() == ReportService.Outcome.CREATED) {
            return Response.created(URI.create("/api/v1/reports/" + body.id())).entity(body).build();
        }
        return Response.ok(body).build();
    }
}
