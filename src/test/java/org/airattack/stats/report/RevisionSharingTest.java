package org.airattack.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.WeaponInfo;
import org.airattack.stats.catalog.WeaponRef;
import org.junit.jupiter.api.Test;

/** A revision kept in memory holds its predecessor's objects wherever it repeats them, and stays equal to itself. */
class RevisionSharingTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    /** Every value a fresh object, as a new write or a new read makes them. */
    private static Revision revision(int number, int launched, String recorded) {
        ReportWindow window = new ReportWindow(WindowPoint.ofLocal(LocalDateTime.parse("2025-05-23T20:00"), KYIV),
                WindowPoint.ofLocal(LocalDateTime.parse("2025-05-24T08:30"), KYIV));
        WeaponRef shahed = WeaponRef.of(new WeaponInfo("shahed-136-131", "Shahed", Category.DRONE, List.of()));
        WeaponRef iskander = WeaponRef.of(new WeaponInfo("iskander-m", "Iskander-M", Category.BALLISTIC_MISSILE, List.of()));
        Line drones = new Line(shahed, new String("Shahed-136/131"), new String("Kursk oblast"), launched, 100, 20, 120, null,
                3, 4, new TreeMap<>(Map.of(new String("belarus"), 2)), null, false);
        Line missiles = new Line(iskander, new String("Iskander-M"), null, 4, 2, null, 2, null, null, null,
                new TreeMap<>(), null, false);
        return new Revision(number, window, window.period(), window.date(), new String("Ukraine"),
                new String("https://t.me/kpszsu/1"), Instant.parse("2025-05-24T06:00:00Z"), Instant.parse(recorded),
                List.of(drones, missiles), List.of(new String("a warning")), false, Origin.DATASET, null);
    }

    @Test
    void shouldHoldThePredecessorsObjectsWhereItRepeatsThem() {
        Revision first = revision(1, 130, "2025-05-24T07:00:00Z");
        Revision second = revision(2, 131, "2025-05-24T09:00:00Z");

        Revision kept = second.sharing(first);

        assertEquals(second, kept, "sharing changes no value");
        assertSame(first.window(), kept.window());
        assertSame(first.date(), kept.date());
        assertSame(first.target(), kept.target());
        assertSame(first.url(), kept.url());
        assertSame(first.publishedAt(), kept.publishedAt());
        assertSame(first.warnings(), kept.warnings());
        assertNotSame(first.recordedAt(), kept.recordedAt());
        Line drones = kept.lines().get(0);
        assertNotSame(first.lines().get(0), drones, "the changed line is its own");
        assertEquals(131, drones.launched());
        assertSame(first.lines().get(0).spelling(), drones.spelling());
        assertSame(first.lines().get(0).launchPlace(), drones.launchPlace());
        assertSame(first.lines().get(0).weapon(), drones.weapon());
        assertSame(first.lines().get(0).leftAirspace(), drones.leftAirspace());
        assertSame(first.lines().get(1), kept.lines().get(1), "an unchanged line is the very same");
    }

    @Test
    void shouldKeepTheLinesListWhenNoLineChanged() {
        Revision first = revision(1, 130, "2025-05-24T07:00:00Z");
        Revision kept = revision(2, 130, "2025-05-24T09:00:00Z").sharing(first);
        assertSame(first.lines(), kept.lines());
        assertEquals(2, kept.revision());
    }
}
