package org.airattack.stats.readmodel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.report.ReportPage;
import org.airattack.stats.report.ReportResponse;
import org.airattack.stats.report.StoredReport;
import org.airattack.stats.report.StoredReports;

/** Reads of reports and their history, answered from the read model; the writers look reports up here too. */
@ApplicationScoped
public class ReportQueries implements StoredReports {

    private final ReadModel readModel;

    public ReportQueries(ReadModel readModel) {
        this.readModel = readModel;
    }

    /**
     * A page of reports, newest first.
     *
     * @param source only this source, or null
     * @param status only active or retracted ones, or null for both
     */
    public ReportPage page(String source, String status, LocalDate from, LocalDate to, int page, int size) {
        Snapshot s = readModel.snapshot();
        List<StoredReport> matching = s.reportsNewestFirst().stream()
                .filter(r -> source == null || r.source().slug().equals(source))
                .filter(r -> status == null || r.status().equals(status))
                .filter(r -> from == null || !r.latest().date().isBefore(from))
                .filter(r -> to == null || !r.latest().date().isAfter(to))
                .toList();
        int start = (int) Math.min((long) page * size, matching.size());
        int end = Math.min(start + size, matching.size());
        List<ReportResponse> items = matching.subList(start, end).stream().map(ReportResponse::of).toList();
        return new ReportPage(items, page, size, matching.size(), s.version());
    }

    @Override
    public Optional<StoredReport> find(long id) {
        return readModel.snapshot().report(id);
    }

    @Override
    public Optional<List<StoredReport>> activeOutside(String prefix, long version) {
        Snapshot s = readModel.snapshot();
        if (s.version() != version) {
            return Optional.empty();
        }
        return Optional.of(s.reportsNewestFirst().stream().filter(r -> r.active() && !r.externalId().startsWith(prefix)).toList());
    }
}
