package org.airattack.stats.report.airforce;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.airattack.stats.report.ReportRequest.LineRequest;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.WeaponNames.Kind;
import org.airattack.stats.report.airforce.WeaponNames.Model;

/** One weapon line of a post as it is being read: its weapon and the counts found so far. */
final class LineDraft {

    /** Which measure a clause states. */
    enum Measure {
        LAUNCHED("launched"), NEUTRALISED("neutralised"), SHOT_DOWN("shot down"), SUPPRESSED("suppressed");

        final String words;

        Measure(String words) {
            this.words = words;
        }
    }

    final String spelling;
    final List<Model> models;
    final boolean drone;
    final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    Integer launched;
    boolean withheld;
    Integer shotDown;
    Integer suppressed;
    Integer neutralised;
    Integer stillAirborne;
    Integer hits;
    Integer debris;
    /** Country → how many flew on into it ("2 ворожі БпЛА полетіли в бік Білорусі"). */
    final Map<String, Integer> leftAirspace = new TreeMap<>();
    /** The mention that named this weapon without a number where the Air Force does not withhold: its count must come from elsewhere. */
    Item unnumbered;

    LineDraft(String spelling, List<Model> models, boolean drone) {
        this.spelling = spelling;
        this.models = models;
        this.drone = drone;
        models.forEach(m -> kinds.add(m.kind()));
    }

    Integer get(Measure m) {
        return switch (m) {
            case LAUNCHED -> launched;
            case NEUTRALISED -> neutralised;
            case SHOT_DOWN -> shotDown;
            case SUPPRESSED -> suppressed;
        };
    }

    void set(Measure m, Integer value) {
        switch (m) {
            case LAUNCHED -> launched = value;
            case NEUTRALISED -> neutralised = value;
            case SHOT_DOWN -> shotDown = value;
            case SUPPRESSED -> suppressed = value;
        }
    }

    /** The value of a measure, neutralised derived from shot down and suppressed as SPEC §1 derives it when it is not stated. */
    Integer value(Measure m) {
        if (m == Measure.NEUTRALISED && neutralised == null && (shotDown != null || suppressed != null)) {
            return (shotDown == null ? 0 : shotDown) + (suppressed == null ? 0 : suppressed);
        }
        return get(m);
    }

    boolean missile() {
        return !drone && !kinds.equals(EnumSet.of(Kind.BANDEROL));
    }

    LineRequest request() {
        return new LineRequest(spelling, null, big(launched), big(shotDown), big(suppressed), big(neutralised),
                big(stillAirborne), big(hits), big(debris), leftAirspace.isEmpty() ? null
                        : leftAirspace.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> big(e.getValue()))), null, withheld);
    }

    private static BigDecimal big(Integer n) {
        return n == null ? null : BigDecimal.valueOf(n);
    }
}
