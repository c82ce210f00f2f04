package org.airattack.stats.metrics;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.asWriter;
import static org.airattack.stats.support.Api.fixture;
import static org.airattack.stats.support.Api.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The Prometheus exposition of SPEC §4, line by line, in the text format promtool lints
 * ({@code text/plain; version=0.0.4}), after posting the three reports of the seed article. The
 * service runs with a clock the tests can set ({@link SettableClock}), for the gauges that depend on
 * the time of day.
 */
@QuarkusTest
@TestProfile(MetricsContractTest.WithSettableClock.class)
class MetricsContractTest {

    /** The service's clock is {@link SettableClock}. */
    public static class WithSettableClock implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SettableClock.class);
        }
    }

    /** The system clock until a test sets an instant. */
    @Alternative
    @Singleton
    public static class SettableClock extends Clock {

        private volatile Instant fixed;

        void set(Instant instant) {
            fixed = instant;
        }

        void followTheSystem() {
            fixed = null;
        }

        @Override
        public Instant instant() {
            Instant f = fixed;
            return f == null ? Instant.now() : f;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }
    }

    static final String PLAIN_TEXT = "text/plain; version=0.0.4";

    static final String UA = "source=\"ua-air-force\"";
    static final String SHAHED = "category=\"drone\"," + UA + ",weapon=\"shahed-136-131\"";
    static final String ISKANDER = "category=\"ballistic-missile\"," + UA + ",weapon=\"iskander-m-kn-23\"";
    static final String RU_DRONES = "category=\"drone\",source=\"ru-mod\",weapon=\"unknown-uav\"";

    static final String OVERDUE = "airattack_night_overdue";
    /** The gauges of the reports' figures (airattack_night_overdue is about the clock, not a figure). */
    static final String FIGURES = "airattack_(night|window|cumulative)_(?!overdue)\\w+";

    @Inject
    SettableClock clock;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        TestDb.reset();
        clock.followTheSystem();
    }

    /** Every line of /q/metrics in the 0.0.4 text format. */
    static List<String> exposition() {
        String body = given().accept(PLAIN_TEXT).get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .extract().asString();
        return body.lines().toList();
    }

    static List<String> airattack(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("airattack_")).toList();
    }

    /** A counter's value, or 0 when it has no sample yet. */
    static double counter(String name, String labels) {
        String prefix = name + "{" + labels + ",} ";
        return exposition().stream().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()))).findFirst().orElse(0);
    }

    @Test
    void shouldExposeTheSeedArticleAsGaugesOfTheLatestNight() {
        post("night-2025-05-23.json");
        post("night-2025-05-24.json");
        post("ru-mod-2025-05-23.json");

        List<String> lines = exposition();
        assertThat(lines, hasItems(
                "# HELP airattack_night_launched Weapons launched at the country in a dated night of the source (live: its latest night; export: each night)",
                "# TYPE airattack_night_launched gauge",
                "airattack_night_launched{" + SHAHED + ",} 250.0",
                "airattack_night_launched{" + ISKANDER + ",} 14.0",
                "# TYPE airattack_night_shot_down gauge",
                "airattack_night_shot_down{" + SHAHED + ",} 128.0",
                "airattack_night_shot_down{" + ISKANDER + ",} 6.0",
                "airattack_night_shot_down{" + RU_DRONES + ",} 788.0",
                "# TYPE airattack_night_suppressed gauge",
                "airattack_night_suppressed{" + SHAHED + ",} 117.0",
                "# TYPE airattack_night_neutralised gauge",
                "airattack_night_neutralised{" + SHAHED + ",} 245.0",
                "airattack_night_neutralised{" + ISKANDER + ",} 6.0",
                "airattack_night_neutralised{" + RU_DRONES + ",} 788.0",
                "# HELP airattack_night_timestamp_seconds End of the latest window of the source's latest dated night, as a Unix time",
                "# TYPE airattack_night_timestamp_seconds gauge",
                // 2025-05-24T08:30+03:00 and, for the Russian claim, 2025-05-23T08:00+03:00 (Moscow)
                "airattack_night_timestamp_seconds{" + UA + ",} 1.7480646E9",
                "airattack_night_timestamp_seconds{source=\"ru-mod\",} 1.7479764E9",
                // the last 7, 30, 365 nights up to the 24th: both Air Force nights
                "# TYPE airattack_window_launched gauge",
                "airattack_window_launched{category=\"drone\"," + UA + ",window=\"7d\",} 425.0",
                "airattack_window_launched{category=\"ballistic-missile\"," + UA + ",window=\"30d\",} 15.0",
                "airattack_window_neutralised{category=\"drone\"," + UA + ",window=\"365d\",} 245.0",
                "airattack_window_neutralised{category=\"drone\",source=\"ru-mod\",window=\"7d\",} 788.0",
                "# TYPE airattack_cumulative_launched gauge",
                "airattack_cumulative_launched{category=\"drone\"," + UA + ",} 425.0",
                "airattack_cumulative_launched{category=\"ballistic-missile\"," + UA + ",} 15.0",
                "airattack_cumulative_shot_down{category=\"drone\"," + UA + ",} 128.0",
                "airattack_cumulative_suppressed{category=\"drone\"," + UA + ",} 117.0",
                "airattack_cumulative_neutralised{category=\"ballistic-missile\"," + UA + ",} 6.0",
                "airattack_cumulative_shot_down{category=\"drone\",source=\"ru-mod\",} 788.0",
                "# TYPE airattack_read_model_version gauge",
                "airattack_read_model_version 3.0",
                "# TYPE airattack_read_model_age_seconds gauge",
                "# TYPE airattack_reports_accepted_total counter",
                "# TYPE airattack_reports_rejected_total counter",
                // the channel follower is off here: its meters say so, and 0 until a first success
                "airattack_channel_enabled 0.0",
                "airattack_channel_last_success_timestamp_seconds 0.0",
                "airattack_channel_polls_total{outcome=\"failed\",} 0.0",
                "airattack_channel_posts{status=\"unreadable\",} 0.0",
                "airattack_channel_publish_delay_seconds_count 0.0"));

        // the night to 24 May in all: 264 launched, 134 shot down, 117 suppressed, 251 neutralised
        assertThat(sum(lines, "airattack_night_launched", UA), is(264.0));
        assertThat(sum(lines, "airattack_night_shot_down", UA), is(134.0));
        assertThat(sum(lines, "airattack_night_suppressed", UA), is(117.0));
        assertThat(sum(lines, "airattack_night_neutralised", UA), is(251.0));
    }

    @Test
    void shouldLeaveUnknownCountsWithoutASampleNeverZero() {
        post("night-2025-05-23.json");
        post("ru-mod-2025-05-23.json");

        List<String> lines = airattack(exposition());
        // the night to 23 May says what was launched, nothing about what was stopped
        assertThat(lines, hasItems("airattack_night_launched{" + SHAHED + ",} 175.0",
                "airattack_night_launched{category=\"ballistic-missile\"," + UA + ",weapon=\"iskander-m\",} 1.0"));
        assertThat(matching(lines, "airattack_night_(shot_down|suppressed|neutralised)\\{[^}]*" + UA), is(empty()));
        assertThat(matching(lines, "airattack_(window|cumulative)_neutralised\\{[^}]*" + UA), is(empty()));
        // the Russian claim states shot down only
        assertThat(matching(lines, "airattack_(night|window|cumulative)_launched\\{[^}]*ru-mod"), is(empty()));
        assertThat(matching(lines, "airattack_night_suppressed\\{[^}]*ru-mod"), is(empty()));
        // a source without reports has no figures at all
        assertThat(matching(lines, FIGURES + "\\{[^}]*ua-general-staff"), is(empty()));
        assertThat(matching(lines, FIGURES + "\\{.*\\} 0\\.0$"), is(empty()));
    }

    @Test
    void shouldLowerTheGaugesAndDropGoneLabelsWhenAReportIsRetracted() {
        post("night-2025-05-23.json");
        long night24 = post("night-2025-05-24.json");
        assertThat(airattack(exposition()), hasItem("airattack_night_launched{" + ISKANDER + ",} 14.0"));

        asWriter().delete("/api/v1/reports/" + night24).then().statusCode(204);

        List<String> lines = airattack(exposition());
        // the latest night is the 23rd again: its figures, and nothing of the weapons only the 24th had
        assertThat(lines, hasItems("airattack_night_launched{" + SHAHED + ",} 175.0",
                "airattack_night_timestamp_seconds{" + UA + ",} 1.7479944E9",
                "airattack_cumulative_launched{category=\"drone\"," + UA + ",} 175.0",
                "airattack_window_launched{category=\"drone\"," + UA + ",window=\"7d\",} 175.0",
                "airattack_read_model_version 3.0"));
        assertThat(matching(lines, "airattack_\\w+\\{[^}]*iskander-m-kn-23"), is(empty()));
        assertThat(matching(lines, "airattack_(night|window|cumulative)_(shot_down|suppressed|neutralised)\\{[^}]*" + UA), is(empty()));

        asWriter().delete("/api/v1/reports/" + post("night-2025-05-23.json")).then().statusCode(204);
        assertThat(matching(airattack(exposition()), FIGURES + "\\{"), is(empty()));
    }

    @Test
    void shouldCountAcceptedWritesPerSourceAndRefusedOnesPerReason() {
        double accepted = counter("airattack_reports_accepted_total", UA);
        double validation = counter("airattack_reports_rejected_total", "reason=\"validation\"");
        double malformed = counter("airattack_reports_rejected_total", "reason=\"malformed-json\"");
        double unauthorized = counter("airattack_reports_rejected_total", "reason=\"unauthorized\"");
        double notFound = counter("airattack_reports_rejected_total", "reason=\"not-found\"");

        post("night-2025-05-24.json");
        post("night-2025-05-24.json"); // unchanged: accepted again, nothing stored
        asWriter().body(fixture("night-2025-05-24.json").replace("\"launched\": 250", "\"launched\": -1"))
                .post("/api/v1/reports").then().statusCode(400);
        asWriter().body("{\"source\": ").post("/api/v1/reports").then().statusCode(400);
        given().auth().preemptive().basic("test-writer", "wrong").contentType("application/json")
                .body(fixture("night-2025-05-24.json")).post("/api/v1/reports").then().statusCode(401);
        given().contentType("application/json").body(fixture("night-2025-05-24.json")).post("/api/v1/reports")
                .then().statusCode(401);
        asWriter().delete("/api/v1/reports/999999").then().statusCode(404);
        given().get("/api/v1/reports/999999").then().statusCode(404); // a read: not a refused write

        assertThat(counter("airattack_reports_accepted_total", UA) - accepted, is(2.0));
        assertThat(counter("airattack_reports_rejected_total", "reason=\"validation\"") - validation, is(1.0));
        assertThat(counter("airattack_reports_rejected_total", "reason=\"malformed-json\"") - malformed, is(1.0));
        assertThat(counter("airattack_reports_rejected_total", "reason=\"unauthorized\"") - unauthorized, is(2.0));
        assertThat(counter("airattack_reports_rejected_total", "reason=\"not-found\"") - notFound, is(1.0));
        // every source and reason has its counter from the start, so rate() works before the first event
        assertThat(exposition(), hasItems("airattack_reports_accepted_total{source=\"ua-general-staff\",} 0.0",
                "airattack_reports_rejected_total{reason=\"conflict\",} 0.0"));
    }

    @Test
    void shouldGiveEveryMetricHelpAndOnlyBoundedLabelsAndNoTimestamps() {
        post("night-2025-05-24.json");
        post("ru-mod-2025-05-23.json");

        List<String> lines = exposition();
        List<String> types = lines.stream().filter(l -> l.startsWith("# TYPE airattack_")).toList();
        assertThat(types.size(), is(24));
        for (String type : types) {
            String name = type.split(" ")[2];
            assertThat(lines, hasItem(org.hamcrest.Matchers.startsWith("# HELP " + name + " ")));
        }
        // The split of neutralised into shot down and suppressed ends with the night to 24 July 2025:
        // the running totals of the two say where they stop growing, so no one charts them as complete.
        for (String stopped : List.of("airattack_cumulative_shot_down", "airattack_cumulative_suppressed")) {
            assertThat(lines, hasItem(allOf(org.hamcrest.Matchers.startsWith("# HELP " + stopped + " "),
                    containsString("stops growing at the night to 24 July 2025"), containsString("use neutralised"))));
        }
        assertThat(lines, hasItems(
                "# HELP airattack_events_published_total Events (GET /api/v1/events, webhooks) made by this replica, by kind: night, correction, bulk",
                "# TYPE airattack_events_published_total counter",
                "airattack_events_published_total{event=\"bulk\",} 0.0"));
        assertThat(lines.stream().noneMatch(l -> l.startsWith("airattack_webhook_deliveries_total")), is(true));
        Pattern sample = Pattern.compile("airattack_[a-z_]+(\\{(?:(source|category|weapon|window|reason|outcome|status|event|hook|le)=\"[A-Za-z0-9.+-]+\",)+\\})? [0-9.E+-]+");
        for (String line : airattack(lines)) {
            if (!line.startsWith("airattack_build_info{")) {
                assertThat(line, sample.matcher(line).matches(), is(true));
            }
        }
    }

    @Test
    void shouldNameTheVersionAndCommitOfTheBuild() {
        assertThat(exposition(), hasItems(
                "# HELP airattack_build_info The build this replica runs: its version and git commit (always 1)",
                "# TYPE airattack_build_info gauge",
                "airattack_build_info{commit=\"" + headCommit() + "\",version=\"" + pomVersion() + "\",} 1.0"));
    }

    @Test
    void shouldCallANationalNightOverdueFromTenInKyivUntilANightDatedTodayIsThere() {
        clock.set(Instant.parse("2025-05-24T06:59:59Z")); // 09:59:59 in Kyiv (summer time, UTC+3)
        assertThat(overdue(), is(List.of(OVERDUE + "{source=\"ua-air-force\",} 0.0",
                OVERDUE + "{source=\"ua-commander-in-chief\",} 0.0", OVERDUE + "{source=\"ua-general-staff\",} 0.0")));

        clock.set(Instant.parse("2025-05-24T07:00:00Z")); // 10:00
        assertThat(overdue(), is(List.of(OVERDUE + "{source=\"ua-air-force\",} 1.0",
                OVERDUE + "{source=\"ua-commander-in-chief\",} 1.0", OVERDUE + "{source=\"ua-general-staff\",} 1.0")));

        post("night-2025-05-23.json"); // yesterday's night does not count for today
        assertThat(overdue(), hasItem(OVERDUE + "{source=\"ua-air-force\",} 1.0"));

        post("night-2025-05-24.json");
        assertThat(overdue(), is(List.of(OVERDUE + "{source=\"ua-air-force\",} 0.0",
                OVERDUE + "{source=\"ua-commander-in-chief\",} 1.0", OVERDUE + "{source=\"ua-general-staff\",} 1.0")));

        clock.set(Instant.parse("2025-05-25T07:00:00Z")); // the next morning: due again
        assertThat(overdue(), hasItem(OVERDUE + "{source=\"ua-air-force\",} 1.0"));
    }

    @Test
    void shouldKeepTheDueTimeInKyivTimeAcrossTheClockChanges() {
        // 26 October 2025: clocks go back at 04:00, Kyiv is UTC+2 from then on. 07:30Z is 09:30 there
        // (10:30 with the summer offset).
        clock.set(Instant.parse("2025-10-26T07:30:00Z"));
        assertThat(overdue(), hasItem(OVERDUE + "{source=\"ua-air-force\",} 0.0"));
        clock.set(Instant.parse("2025-10-26T08:00:00Z")); // 10:00 winter time
        assertThat(overdue(), hasItem(OVERDUE + "{source=\"ua-air-force\",} 1.0"));
        post("night-2025-10-26.json"); // 20:00 on the 25th to 09:00 on the 26th, the night the clocks went back
        assertThat(overdue(), hasItem(OVERDUE + "{source=\"ua-air-force\",} 0.0"));

        // 30 March 2025: clocks go forward at 03:00, Kyiv is UTC+3 from then on.
        clock.set(Instant.parse("2025-03-30T06:59:00Z")); // 09:59 summer time
        assertThat(overdue(), hasItem(OVERDUE + "{source=\"ua-air-force\",} 0.0"));
        clock.set(Instant.parse("2025-03-30T07:00:00Z")); // 10:00 (08:00 by the winter offset)
        assertThat(overdue(), hasItem(OVERDUE + "{source=\"ua-air-force\",} 1.0"));
    }

    @Test
    void shouldWatchOnlyTheNationalSourcesForAnOverdueNight() {
        clock.set(Instant.parse("2025-05-24T09:00:00Z"));
        List<String> lines = exposition();
        assertThat(lines, hasItems("# HELP airattack_night_overdue 1 when it is past airattack.alerts.night-due in the source's "
                + "zone and the source has no night or span dated today there, else 0", "# TYPE airattack_night_overdue gauge"));
        // the regional commands and the Russian MoD claims keep no such schedule
        assertThat(matching(lines, OVERDUE + "\\{source=\"(ua-air-command-[a-z]+|ru-mod|ua-other)\""), is(empty()));
    }

    /** The airattack_night_overdue samples, by source. */
    private static List<String> overdue() {
        return matching(exposition(), OVERDUE + "\\{").stream().sorted().toList();
    }

    /** HEAD of the checkout the tests run in, which the build wrote into git.properties; "unknown" outside git. */
    private static String headCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : AirAttackMetrics.UNKNOWN_COMMIT;
        } catch (IOException e) {
            return AirAttackMetrics.UNKNOWN_COMMIT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The project's version in pom.xml. */
    private static String pomVersion() {
        try {
            Matcher m = Pattern.compile("<artifactId>air-attack-stats</artifactId>\\s*<version>([^<]+)</version>")
                    .matcher(Files.readString(Path.of("pom.xml")));
            assertThat("pom.xml names the project's version", m.find(), is(true));
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> matching(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        return lines.stream().filter(l -> p.matcher(l).lookingAt()).toList();
    }

    private static double sum(List<String> lines, String name, String label) {
        Pattern p = Pattern.compile(Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} (\\S+)");
        double total = 0;
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.matches()) {
                total += Double.parseDouble(m.group(1));
            }
        }
        return total;
    }
}
