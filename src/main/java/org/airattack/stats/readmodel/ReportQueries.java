package org.airattack.stats.readmodel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.report.ReportKey;
import org.airattack.stats.report.ReportPage;
import org.airattack.stats.report.ReportRepository;
import org.airattack.stats.report.ReportResponse;
import org.airattack.stats.report.Revision;
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

    @Override
    public Optional<Map<ReportKey, ReportRepository.Current>> currentOf(Set<ReportKey> keys, long version) {
        Snapshot s = readModel.snapshot();
        if (s.version() != version) {
            return Optional.empty();
        }
        Set<String> externalIds = new HashSet<>(keys.size() * 2);
        keys.forEach(k -> externalIds.add(k.externalId()));
        Map<ReportKey, ReportRepository.Current> out = new HashMap<>(keys.size() * 2);
        for (StoredReport r : s.reportsNewestFirst()) {
            if (externalIds.contains(r.externalId())) {
                ReportKey key = new ReportKey(r.source().slug(), r.externalId());
                if (keys.contains(key)) {
                    Revision latest = r.latest();
                    out.put(key, new ReportRepository.Current(r.id(), r.active(), latest.contentHigh(), latest.contentLow(),
                            latest.revision(), r.retractedAt()));
                }
            }
        }
        return Optional.of(out);
    }
}
