package org.airattack.stats.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.airattack.stats.support.ChannelServer;
import org.airattack.stats.support.ChannelServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The follower on its own schedule (a poll every 2 s here): nobody at the keyboard, a new night within one poll. */
@QuarkusTest
@TestProfile(ChannelLiveFollowTest.EveryTwoSeconds.class)
class ChannelLiveFollowTest {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** Following the test pages, which the channel serves from the start, every two seconds. */
    public static class EveryTwoSeconds implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("airattack.channel.enabled", "true",
                    "airattack.channel.poll-interval", "PT" + POLL_INTERVAL.toSeconds() + "S",
                    "airattack.channel.backfill-pages", "2");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ChannelServerResource.class, Map.of(
                    "/s/kpszsu", "newest.html",
                    "/s/kpszsu?before=82663", "before-82663.html",
                    "/s/kpszsu?before=82656", "before-82656.html")));
        }
    }

    ChannelServer pages;

    @Test
    void shouldPublishANewNightWithinOnePollIntervalPlusFiveSeconds() {
        until(Duration.ofSeconds(60), () -> Integer.valueOf(82676).equals(given().get("/api/v1/channel/status").then().extract().path("cursor")),
                "the first poll reads the channel back");
        given().get("/api/v1/nights/" + pages.date(-2)).then().statusCode(404);

        // the night to the day before yesterday is posted
        pages.page("/s/kpszsu?before=82680", "before-82680.html");
        pages.page("/s/kpszsu?before=82669", "newest.html");
        pages.page("/s/kpszsu?before=82678", "before-82680.html"); // the next polls read the new night again
        pages.page("/s/kpszsu", "later.html");
        Instant posted = Instant.now();

        Duration deadline = POLL_INTERVAL.plusSeconds(5);
        until(deadline, () -> given().get("/api/v1/nights/" + pages.date(-2)).then().extract().statusCode() == 200,
                "the new night is published");
        assertThat(Duration.between(posted, Instant.now()), lessThanOrEqualTo(deadline));
        given().get("/api/v1/nights/" + pages.date(-2)).then()
                .body("totals.launched", is(260))
                .body("reports[0].url", is("https://t.me/kpszsu/82677"));
    }

    /** Asks until the condition holds, failing after the deadline; never a fixed sleep. */
    private static void until(Duration deadline, java.util.function.BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(what + " did not happen within " + deadline.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
