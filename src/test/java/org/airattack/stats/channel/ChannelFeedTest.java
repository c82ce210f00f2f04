package org.airattack.stats.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.ChannelServer;
import org.airattack.stats.support.ChannelServerResource;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The follower reading an RSS feed of the channel (airattack.channel.feed-url, an RSSHub route) instead of its web preview. */
@QuarkusTest
@TestProfile(ChannelFeedTest.FromTheFeed.class)
class ChannelFeedTest {

    static final String FEED = "/rss/telegram/channel/kpszsu";

    /** Following the channel through its feed, each poll asked for. */
    public static class FromTheFeed implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("airattack.channel.enabled", "true", "airattack.channel.poll-interval", "PT1H");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ChannelServerResource.class, Map.of(ChannelServerResource.FEED, FEED)));
        }
    }

    ChannelServer pages;

    @BeforeEach
    void freshChannelAndStore() {
        pages.clear();
        Api.asWriter().post("/api/v1/channel/poll").then().statusCode(200);
        TestDb.resetChannel();
        TestDb.reset();
        pages.clear();
    }

    @Test
    void shouldGiveTheFeedsPostsTheSameOutcomesAsThePreviewsPages() {
        pages.page(FEED, "feed.xml");

        Api.asWriter().post("/api/v1/channel/poll").then().statusCode(200)
                .body("outcome", is("ok"))
                .body("pages", is(1))
                .body("posts", is(3))
                .body("changed.id", is(List.of(82668, 82670, 82675)))
                .body("changed.status", is(List.of("stored", "ignored", "ignored")))
                // a reply is read as its own text, never as the report its blockquote quotes
                .body("changed[1].text", is("⚠️ Повторно! Група ударних БпЛА з Чорного моря курсом на Одесу."))
                .body("changed[1].reason", containsString("live-tracking"));

        given().get("/api/v1/nights/" + pages.date(-1)).then().statusCode(200)
                .body("totals.launched", is(101))
                .body("totals.neutralised", is(95))
                .body("reports[0].url", is("https://t.me/kpszsu/82668"));
        given().get("/api/v1/nights/" + pages.date(-4)).then().statusCode(404);
        given().get("/api/v1/channel/status").then().body("url", endsWith(FEED)).body("cursor", is(82675));
        // the feed alone: the web preview is never asked
        assertThat(pages.requests().stream().map(ChannelServer.Request::target).filter(t -> !t.equals(FEED)).toList(), is(empty()));
        // read again: nothing changed
        Api.asWriter().post("/api/v1/channel/poll").then().body("outcome", is("ok")).body("changed", is(empty()));
        assertEquals(1, Api.reportCount());
    }

    @Test
    void shouldCountAnAnswerThatIsNotAFeedAsAFailedPoll() {
        pages.page(FEED, "blocked.html");

        Api.asWriter().post("/api/v1/channel/poll").then().statusCode(200)
                .body("outcome", is("failed"))
                .body("error", containsString("is not an RSS or Atom feed"));
        assertEquals(0, Api.reportCount());
    }
}
