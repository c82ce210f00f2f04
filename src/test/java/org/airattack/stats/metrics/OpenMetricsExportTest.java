package org.airattack.stats.metrics;

import static io.restassured.RestAssured.given;
import static org.airattack.stats.support.Api.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;

import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /api/v1/export/openmetrics}: the per-night history under the live gauges' names, each sample stamped with its night. */
@QuarkusTest
class OpenMetricsExportTest {

    static final String PATH = "/api/v1/export/openmetrics";

    @BeforeEach
    void startFromAnEmptyDatabase() {
        TestDb.reset();
    }

    static String export(String query) {
        return given().get(PATH + query).then().statusCode(200)
                .contentType(startsWith("application/openmetrics-text"))
                .contentType(containsString("version=1.0.0"))
                .extract().asString();
    }

    @Test
    void shouldWriteEveryNightOfTheSeedArticleWithItsTimestampAndEndWithEof() {
        post("night-2025-05-23.json");
        post("night-2025-05-24.json");
        post("ru-mod-2025-05-23.json");

        // nights end 2025-05-23T13:00+03:00 = 1747994400 and 2025-05-24T08:30+03:00 = 1748064600 (Kyiv);
        // the Russian claim's span ends 2025-05-23T08:00+03:00 = 1747976400 (Moscow)
        assertThat(export(""), is("""
                # TYPE airattack_night_launched gauge
                # HELP airattack_night_launched Weapons launched at the country in a dated night of the source (live: its latest night; export: each night)
                airattack_night_launched{source="ua-air-force",category="ballistic-missile",weapon="iskander-m"} 1 1747994400
                airattack_night_launched{source="ua-air-force",category="ballistic-missile",weapon="iskander-m-kn-23"} 14 1748064600
                airattack_night_launched{source="ua-air-force",category="drone",weapon="shahed-136-131"} 175 1747994400
                airattack_night_launched{source="ua-air-force",category="drone",weapon="shahed-136-131"} 250 1748064600
                # TYPE airattack_night_shot_down gauge
                # HELP airattack_night_shot_down Weapons shot down (destroyed kinetically) in a dated night of the source (live: its latest night; export: each night)
                airattack_night_shot_down{source="ru-mod",category="drone",weapon="unknown-uav"} 788 1747976400
                airattack_night_shot_down{source="ua-air-force",category="ballistic-missile",weapon="iskander-m-kn-23"} 6 1748064600
                airattack_night_shot_down{source="ua-air-force",category="drone",weapon="shahed-136-131"} 128 1748064600
                # TYPE airattack_night_suppressed gauge
                # HELP airattack_night_suppressed Weapons suppressed (locationally lost, mostly to electronic warfare) in a dated night of the source (live: its latest night; export: each night)
                airattack_night_suppressed{source="ua-air-force",category="drone",weapon="shahed-136-131"} 117 1748064600
                # TYPE airattack_night_neutralised gauge
                # HELP airattack_night_neutralised Weapons neutralised (shot down plus suppressed, or the combined figure) in a dated night of the source (live: its latest night; export: each night)
                airattack_night_neutralised{source="ru-mod",category="drone",weapon="unknown-uav"} 788 1747976400
                airattack_night_neutralised{source="ua-air-force",category="ballistic-missile",weapon="iskander-m-kn-23"} 6 1748064600
                airattack_night_neutralised{source="ua-air-force",category="drone",weapon="shahed-136-131"} 245 1748064600
                # TYPE airattack_night_timestamp_seconds gauge
                # HELP airattack_night_timestamp_seconds End of the latest window of the source's latest dated night, as a Unix time
                airattack_night_timestamp_seconds{source="ru-mod"} 1747976400 1747976400
                airattack_night_timestamp_seconds{source="ua-air-force"} 1747994400 1747994400
                airattack_night_timestamp_seconds{source="ua-air-force"} 1748064600 1748064600
                # EOF
                """));
    }

    @Test
    void shouldStampEveryReportOfANightWithTheEndOfItsLatestWindow() {
        // the night to 29 Dec 2023 came in four windows; the last ended 09:30 Kyiv (07:30 UTC)
        post("history/2023-12-29-from-2300.json");
        post("history/2023-12-29-from-0500.json");
        post("history/2023-12-29-from-0600.json");
        post("history/2023-12-29-from-0630.json");

        List<String> lines = export("?source=ua-air-force").lines().toList();
        assertThat(lines, hasItems(
                "airattack_night_launched{source=\"ua-air-force\",category=\"drone\",weapon=\"shahed-136-131\"} 36 1703835000",
                "airattack_night_shot_down{source=\"ua-air-force\",category=\"drone\",weapon=\"shahed-136-131\"} 27 1703835000",
                "airattack_night_launched{source=\"ua-air-force\",category=\"cruise-missile\",weapon=\"kh-101-kh-555\"} 90 1703835000",
                "airattack_night_timestamp_seconds{source=\"ua-air-force\"} 1703835000 1703835000"));
        assertThat(lines.stream().filter(l -> l.startsWith("airattack_night_timestamp_seconds{")).count(), is(1L));
    }

    @Test
    void shouldKeepTheSeriesOfEachFamilyTogetherAndTheirNightsInOrder() {
        post("history/2022-12-29-from-0700.json");
        post("history/2025-07-09-from-2000.json");
        post("history/2024-12-25-from-1400.json");
        post("history/2023-05-16-from-0330.json");

        List<String> families = new ArrayList<>();
        String previousSeries = null;
        long previousTime = 0;
        for (String line : export("").lines().toList()) {
            if (line.startsWith("# TYPE ")) {
                String family = line.split(" ")[2];
                assertThat("family " + family + " appears once", families.contains(family), is(false));
                families.add(family);
                previousSeries = null;
            } else if (!line.startsWith("#")) {
                String series = line.substring(0, line.indexOf('}') + 1);
                long time = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                if (series.equals(previousSeries)) {
                    assertThat(line + " comes after " + previousTime, time > previousTime, is(true));
                }
                assertThat(line, startsWith(families.get(families.size() - 1) + "{"));
                previousSeries = series;
                previousTime = time;
            }
        }
        assertThat(families, is(List.of("airattack_night_launched", "airattack_night_shot_down", "airattack_night_suppressed",
                "airattack_night_neutralised", "airattack_night_timestamp_seconds")));
    }

    @Test
    void shouldLimitTheExportToTheNightsAndSourceAskedFor() {
        post("night-2025-05-23.json");
        post("night-2025-05-24.json");
        post("ru-mod-2025-05-23.json");

        String body = export("?source=ua-air-force&from=2025-05-24&to=2025-05-24");
        assertThat(body.lines().filter(l -> l.startsWith("airattack_night_timestamp_seconds")).toList(),
                is(List.of("airattack_night_timestamp_seconds{source=\"ua-air-force\"} 1748064600 1748064600")));
        assertThat(body.contains("ru-mod"), is(false));
        assertThat(body.contains(" 1747994400"), is(false));
        assertThat(body.endsWith("# EOF\n"), is(true));

        String nothing = export("?from=2026-01-01");
        assertThat(nothing.lines().filter(l -> !l.startsWith("#")).count(), is(0L));
        assertThat(nothing.endsWith("# EOF\n"), is(true));
    }

    @Test
    void shouldRefuseAnUnknownSourceOrABadRange() {
        given().get(PATH + "?source=nowhere").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("source"));
        given().get(PATH + "?from=2025-05-24&to=2025-05-01").then().statusCode(400).body("errors[0].field", is("from"));
        given().get(PATH + "?to=yesterday").then().statusCode(400).body("errors[0].field", is("to"));
    }
}
