package org.airattack.stats.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.SourceKind;
import org.airattack.stats.report.ReportWindow;
import org.airattack.stats.report.Revision;
import org.airattack.stats.report.StoredReport;
import org.airattack.stats.report.WindowPoint;
import org.junit.jupiter.api.Test;

/** A snapshot taken change by change indexes the reports as one built from all of them at once would. */
class SnapshotTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final List<SourceInfo> SOURCES = List.of(
            new SourceInfo("ua-air-force", "Ukrainian Air Force Command", SourceKind.NATIONAL, "UA", KYIV, "kpszsu"),
            new SourceInfo("ua-air-command-south", "Air Command South (Ukraine)", SourceKind.REGIONAL, "UA", KYIV, "PvKPivden"));
    private static final LocalDate FIRST = LocalDate.of(2025, 5, 1);

    @Test
    void shouldMoveARevisedReportToItsNewNightAndDropARetractedOne() {
        StoredReport night = report(1, 0, 0, 10, 1, true, 1);
        StoredReport other = report(2, 0, 0, 10, 3, true, 1);
        Snapshot s = Snapshot.EMPTY.with(List.of(night, other), 1);
        assertEquals(List.of(night, other), s.dated("ua-air-force", PeriodFilter.NIGHT).get(FIRST.plusDays(10)));

        StoredReport revised = report(1, 0, 0, 12, 1, true, 2);
        StoredReport retracted = report(2, 0, 0, 10, 3, false, 3);
        Snapshot t = s.with(List.of(revised), 2).with(List.of(retracted), 3);

        assertFalse(t.dated("ua-air-force", PeriodFilter.NIGHT).containsKey(FIRST.plusDays(10)));
        assertEquals(List.of(revised), t.dated("ua-air-force", PeriodFilter.NIGHT).get(FIRST.plusDays(12)));
        assertEquals(List.of(revised, retracted), t.reportsNewestFirst());
        assertEquals(retracted, t.report(2).orElseThrow());
        // the earlier snapshot is what it was
        assertEquals(List.of(night, other), s.dated("ua-air-force", PeriodFilter.NIGHT).get(FIRST.plusDays(10)));
        assertEquals(List.of(other, night), s.reportsNewestFirst());
    }

    @Test
    void shouldIndexChangeByChangeAsAllAtOnce() {
        Random random = new Random(19);
        Map<Long, StoredReport> all = new HashMap<>();
        Snapshot s = Snapshot.EMPTY;
        long version = 0;
        for (int write = 0; write < 400; write++) {
            List<StoredReport> changed = new ArrayList<>();
            int n = write % 50 == 0 ? 40 : 1 + random.nextInt(3);
            version++;
            for (int i = 0; i < n; i++) {
                // new reports, and revisions, moves, period changes and retractions of old ones (ids up to 700: several chunks)
                long id = 1 + random.nextInt(random.nextBoolean() ? 700 : Math.max(1, all.size() + 1));
                StoredReport r = report(id, random.nextInt(SOURCES.size()), random.nextInt(3), random.nextInt(60),
                        random.nextInt(5), random.nextInt(8) > 0, version);
                changed.add(r);
                all.put(id, r);
            }
            s = s.with(changed, version);

            List<StoredReport> expected = new ArrayList<>(all.values());
            expected.sort(Snapshot.NEWEST_FIRST);
            assertEquals(expected, s.reportsNewestFirst(), "after write " + write);
            for (SourceInfo source : SOURCES) {
                for (PeriodFilter period : PeriodFilter.values()) {
                    assertEquals(rebuilt(all, source.slug(), period), s.dated(source.slug(), period),
                            source.slug() + " " + period + " after write " + write);
                }
            }
            for (StoredReport r : all.values()) {
                assertEquals(r, s.report(r.id()).orElseThrow());
            }
        }
        assertTrue(s.reportsNewestFirst().size() > 300);
    }

    /** The dated index as the first snapshot version built it: every active report of the source, by date, by window end. */
    private static TreeMap<LocalDate, List<StoredReport>> rebuilt(Map<Long, StoredReport> all, String source, PeriodFilter period) {
        TreeMap<LocalDate, List<StoredReport>> out = new TreeMap<>();
        all.values().stream()
                .filter(r -> r.active() && r.source().slug().equals(source) && period.matches(r.latest().period()))
                .sorted(java.util.Comparator.comparing((StoredReport r) -> r.latest().window().end().instant())
                        .thenComparingLong(StoredReport::id))
                .forEach(r -> out.computeIfAbsent(r.latest().date(), d -> new ArrayList<>()).add(r));
        return out;
    }

    /**
     * A report of one revision: a night (18:00 to 08:00 plus {@code hour}), a day (08:00 to 18:00) or
     * a two-night span, ending on FIRST + {@code day}.
     */
    private static StoredReport report(long id, int source, int shape, int day, int hour, boolean active, long version) {
        SourceInfo s = SOURCES.get(source);
        LocalDate date = FIRST.plusDays(day);
        LocalDateTime end = switch (shape) {
            case 0 -> date.atTime(8 + hour % 4, 0);
            case 1 -> date.atTime(18, hour);
            default -> date.atTime(8, hour);
        };
        LocalDateTime start = switch (shape) {
            case 0 -> date.minusDays(1).atTime(18, 0);
            case 1 -> date.atTime(8, 0);
            default -> date.minusDays(2).atTime(18, 0);
        };
        ReportWindow window = new ReportWindow(WindowPoint.ofLocal(start, KYIV), WindowPoint.ofLocal(end, KYIV));
        Instant recorded = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version);
        Revision rev = new Revision((int) version, window, window.period(), window.date(), "Ukraine", null, null, recorded,
                List.of(), List.of(), false, org.airattack.stats.report.Origin.API, null);
        return new StoredReport(id, s, "test/" + id, active, version, recorded, active ? null : recorded, List.of(rev));
    }
}
