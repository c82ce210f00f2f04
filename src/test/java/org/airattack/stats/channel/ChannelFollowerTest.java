package org.airattack.stats.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.ChannelServer;
import org.airattack.stats.support.ChannelFollowing;
import org.airattack.stats.support.TestDb;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The channel follower against a local copy of the channel's web preview (recorded pages under
 * src/test/resources/channel), over HTTP and against PostgreSQL, each poll asked for with
 * POST /api/v1/channel/poll ({@link ChannelFollowing}).
 */
@QuarkusTest
@TestProfile(ChannelFollowing.class)
class ChannelFollowerTest {

    static final String NEWEST = "/s/kpszsu";
    static final String PAGE_2 = "/s/kpszsu?before=82663";
    /** The page that ends with the night stored from page 2, read again while it is younger than the re-read window. */
    static final String STORED_ON_PAGE_2 = "/s/kpszsu?before=82656";

    ChannelServer pages;

    @Inject
    ChannelStateRepository states;

    @BeforeEach
    void freshChannelAndStore() {
        pages.clear();
        poll(); // waits for a poll in progress, so nothing is recorded behind the reset
        TestDb.resetChannel();
        TestDb.reset();
        pages.clear();
        pages.page(NEWEST, "newest.html");
        pages.page(PAGE_2, "before-82663.html");
        pages.page(STORED_ON_PAGE_2, "before-82656.html");
    }

    static ValidatableResponse poll() {
        return Api.asWriter().post("/api/v1/channel/poll").then().statusCode(200);
    }

    static JsonPath post(long id) {
        List<Map<String, Object>> items = given().queryParam("size", 500).get("/api/v1/channel/posts").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Object> found = items.stream().filter(p -> ((Number) p.get("id")).longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("post " + id + " was not recorded"));
        return new JsonPath(toJson(found));
    }

    private static String toJson(Map<String, Object> map) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldGiveEveryPostOneOutcomeWithTheReadersReason() {
        poll().body("outcome", is("ok"))
                .body("pages", is(2))
                .body("posts", is(27))
                .body("cursor", is(82676))
                .body("changed", hasSize(27));

        // the night (its text inside the media block, with emoji markup) and the daytime report are stored
        JsonPath night = post(82668);
        assertEquals("stored", night.getString("status"));
        assertEquals("https://t.me/kpszsu/82668", night.getString("url"));
        assertEquals(1, night.getInt("revision"));
        assertThat(night.getString("text"), startsWith("⚡️ ЗБИТО/ПОДАВЛЕНО 95 ВОРОЖИХ БПЛА\n"));
        assertThat(night.getString("text"), containsString("Разом – до перемоги!"));
        assertEquals("stored", post(82674).getString("status"));
        assertEquals("stored", post(82655).getString("status")); // the night on the older page
        // what is not a national report is ignored, with what it is
        assertThat(post(82663).getString("reason"), startsWith("live-tracking"));
        assertThat(post(82664).getString("reason"), startsWith("air-raid-alert"));
        assertThat(post(82666).getString("reason"), startsWith("regional-tally"));
        assertThat(post(82669).getString("reason"), startsWith("clarification"));
        assertThat(post(82673).getString("reason"), startsWith("video-caption"));
        // a reply is read as its own text, never as the report it quotes
        assertEquals("ignored", post(82670).getString("status"));
        assertThat(post(82670).getString("text"), is("⚠️ Повторно! Група ударних БпЛА з Чорного моря курсом на Одесу."));
        // the queue: what looks like a report but was not read without doubt
        given().queryParam("status", "unreadable").get("/api/v1/channel/posts").then().statusCode(200)
                .body("total", is(2))
                .body("items.id", is(List.of(82672, 82671)))
                .body("items[0].reason", startsWith("cross-checks disagree: the headline"))
                .body("items[0].reason", containsString("says 96 neutralised, the items add up to 95"))
                .body("items[1].reason", containsString("without the time the report is as of"))
                .body("items.reportId", everyItem(nullValue()));
        given().queryParam("status", "stored").get("/api/v1/channel/posts").then()
                .body("total", is(3))
                .body("items.reportId", everyItem(notNullValue()));
        given().queryParam("status", "ignored").get("/api/v1/channel/posts").then().body("total", is(22));
        given().get("/api/v1/channel/status").then().statusCode(200)
                .body("cursor", is(82676))
                .body("posts.stored", is(3))
                .body("posts.ignored", is(22))
                .body("posts.unreadable", is(2))
                .body("lastSuccessAt", notNullValue())
                .body("source", is("ua-air-force"));
        // only the first start reads back, two pages (backfill-pages), and the service says who it is
        assertThat(pages.requests().stream().map(ChannelServer.Request::target).toList(), is(List.of(NEWEST, PAGE_2)));
        assertThat(pages.requests().get(0).userAgent(), startsWith("air-attack-stats/"));
        assertThat(pages.requests().get(0).userAgent(), containsString("(+https://example.org/air-attack-stats)"));
    }

    @Test
    void shouldChangeNoNumberForWhatIsIgnoredOrUnreadable() {
        poll();

        assertEquals(3, Api.reportCount());
        given().get("/api/v1/nights").then().statusCode(200).body("nights.date",
                is(List.of(pages.date(-3).toString(), pages.date(-1).toString())));
        given().get("/api/v1/nights/" + pages.date(-1)).then().statusCode(200)
                .body("totals.launched", is(101))
                .body("totals.neutralised", is(95))
                .body("reports", hasSize(1))
                .body("reports[0].url", is("https://t.me/kpszsu/82668"));
        given().queryParam("period", "day").get("/api/v1/nights/" + pages.date(-2)).then().statusCode(200)
                .body("totals.launched", is(120))
                .body("totals.neutralised", is(104));
        // the nights of the refused posts, and of the report only a reply quotes, have no number
        for (int day : new int[] { -4, -5, -6 }) {
            given().get("/api/v1/nights/" + pages.date(day)).then().statusCode(404);
        }
    }

    @Test
    void shouldFollowBeforeLinksBackToTheCursorAndNoFurther() {
        poll();
        pages.clear();
        pages.page(NEWEST, "later.html");
        pages.page("/s/kpszsu?before=82680", "before-82680.html");
        pages.page("/s/kpszsu?before=82669", "newest.html");
        pages.page(STORED_ON_PAGE_2, "before-82656.html");

        poll().body("outcome", is("ok"))
                .body("pages", is(4))
                .body("cursor", is(82682))
                .body("changed.id", is(List.of(82677, 82678, 82679, 82680, 82681, 82682)));

        // back to the page that holds the cursor, then the pages of the stored and unreadable posts of the re-read
        // window that those no longer show (the night 82668, the night 82655)
        assertThat(pages.requests().stream().map(ChannelServer.Request::target).toList(),
                is(List.of(NEWEST, "/s/kpszsu?before=82680", "/s/kpszsu?before=82669", STORED_ON_PAGE_2)));
        given().get("/api/v1/nights/" + pages.date(-2)).then().statusCode(200)
                .body("totals.launched", is(260))
                .body("reports[0].url", is("https://t.me/kpszsu/82677"));
        assertEquals("stored", post(82677).getString("status"));
    }

    @Test
    void shouldStoreAnEditThatChangesANumberAsANewRevision() {
        poll();
        long report = post(82668).getLong("reportId");
        pages.page(NEWEST, "newest-edited.html");

        poll().body("changed.id", is(List.of(82668)));

        JsonPath edited = post(82668);
        assertEquals("stored", edited.getString("status"));
        assertEquals(report, edited.getLong("reportId"));
        assertEquals(2, edited.getInt("revision"));
        assertTrue(edited.getBoolean("edited"));
        given().get("/api/v1/nights/" + pages.date(-1)).then().statusCode(200)
                .body("totals.neutralised", is(97))
                .body("reports[0].revision", is(2));
        given().get("/api/v1/reports/" + report + "/revisions").then().body("revision", is(List.of(1, 2)));
        // read again with the same text: nothing changes
        poll().body("changed", is(empty()));
        assertEquals(2, post(82668).getInt("revision"));
    }

    @Test
    void shouldKeepTheStoredRevisionWhenAnEditCannotBeRead() {
        poll();
        long report = post(82668).getLong("reportId");
        pages.page(NEWEST, "newest-edited-unreadable.html");

        poll().body("changed.id", is(List.of(82668)));

        JsonPath edited = post(82668);
        assertEquals("unreadable", edited.getString("status"));
        assertThat(edited.getString("reason"), containsString("waits for review (the stored revision stands)"));
        assertThat(edited.getString("reason"), containsString("станом на"));
        assertEquals(report, edited.getLong("reportId"));
        assertEquals(1, edited.getInt("revision"));
        given().get("/api/v1/nights/" + pages.date(-1)).then().statusCode(200)
                .body("totals.neutralised", is(95))
                .body("reports[0].revision", is(1));
        given().queryParam("status", "unreadable").get("/api/v1/channel/posts").then().body("items.id", hasItem(82668));
    }

    @Test
    void shouldReadAgainAStoredPostOlderThanTheNewestPage() {
        poll();
        pages.page(STORED_ON_PAGE_2, "before-82656-edited.html");
        long report = post(82655).getLong("reportId");

        poll().body("changed.id", is(List.of(82655)));

        // the stored posts younger than the re-read window that the newest page does not show are fetched again
        assertThat(pages.requests().stream().map(ChannelServer.Request::target).toList(), hasItem(STORED_ON_PAGE_2));
        assertEquals(2, post(82655).getInt("revision"));
        assertEquals(report, post(82655).getLong("reportId"));
        given().get("/api/v1/nights/" + pages.date(-3)).then().body("totals.hitLocations", is(35));
    }

    @Test
    void shouldCountABlockPageAsAFailedPollAndChangeNothing() {
        poll();
        long version = given().get("/api/v1/reports?size=1").then().extract().jsonPath().getLong("dataVersion");
        String success = given().get("/api/v1/channel/status").then().extract().path("lastSuccessAt");
        pages.page(NEWEST, "blocked.html");

        poll().body("outcome", is("failed"))
                .body("error", containsString("is not the page of @kpszsu"))
                .body("changed", is(empty()));

        given().get("/api/v1/channel/status").then()
                .body("lastError", containsString("block or captcha"))
                .body("lastErrorAt", notNullValue())
                .body("lastSuccessAt", is(success))
                .body("cursor", is(82676))
                .body("posts.stored", is(3));
        assertEquals(version, given().get("/api/v1/reports?size=1").then().extract().jsonPath().getLong("dataVersion"));
        assertEquals(3, Api.reportCount());
    }

    @Test
    void shouldWaitAsLongAsRetryAfterAsksThenReadThePage() {
        pages.once(NEWEST, 429, Map.of("Retry-After", "1"));

        poll().body("outcome", is("ok")).body("posts", is(27));

        List<ChannelServer.Request> newest = pages.requests().stream().filter(r -> r.target().equals(NEWEST)).toList();
        assertEquals(2, newest.size());
        assertThat(Duration.between(newest.get(0).at(), newest.get(1).at()).toMillis(), greaterThanOrEqualTo(1000L));
    }

    @Test
    void shouldFailThePollAndLeaveTheChannelAloneWhenRetryAfterIsLong() {
        pages.once(NEWEST, 429, Map.of("Retry-After", "600"));
        Instant asked = Instant.now();

        poll().body("outcome", is("failed")).body("error", containsString("429 with Retry-After 600 s"));

        String notBefore = given().get("/api/v1/channel/status").then().extract().path("notBefore");
        assertTrue(Instant.parse(notBefore).isAfter(asked.plusSeconds(590)), notBefore);
        assertEquals(1, pages.requests().size());
        assertEquals(0, Api.reportCount());
    }

    @Test
    void shouldReadAPostAgainOnRetryAndAnswer404ForOneNeverRead() {
        poll();

        Api.asWriter().post("/api/v1/channel/posts/82671/retry").then().statusCode(200)
                .body("status", is("unreadable"))
                .body("reason", containsString("станом на"));
        Api.asWriter().post("/api/v1/channel/posts/82668/retry").then().statusCode(200)
                .body("status", is("stored"))
                .body("revision", is(1));
        Api.asWriter().post("/api/v1/channel/posts/99999/retry").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("kpszsu/99999"));
        given().post("/api/v1/channel/posts/82671/retry").then().statusCode(401);
        given().post("/api/v1/channel/poll").then().statusCode(401);
        assertEquals(3, Api.reportCount());
    }

    @Test
    void shouldNeverCountANightTwiceWhenTheDatasetImportsIt() {
        poll();
        String csv = "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,source\n"
                + pages.date(-2) + " 18:00," + pages.date(-1) + " 08:30,Shahed-136/131,,Ukraine,,101.0,95.0,0.0,https://t.me/kpszsu/82668\n";

        given().auth().preemptive().basic(Api.WRITER, Api.WRITER_PASSWORD).contentType("text/csv").body(csv)
                .post("/api/v1/imports/piterfm").then().statusCode(200)
                .body("reports.superseded", is(1));

        given().get("/api/v1/nights/" + pages.date(-1)).then().statusCode(200)
                .body("totals.launched", is(101))
                .body("totals.neutralised", is(95))
                .body("reports", hasSize(1))
                .body("reports[0].id", not(is(post(82668).getInt("reportId"))));
        // the channel reads the night again: the post is unchanged, the dataset's report stands alone
        poll().body("changed", is(empty()));
        given().get("/api/v1/nights/" + pages.date(-1)).then().body("reports", hasSize(1)).body("totals.launched", is(101));
    }

    @Test
    void shouldLetOneReplicaAtATimeHoldTheLease() {
        Instant now = Instant.now();
        try {
            assertFalse(lease("replica-b", now, now.plusSeconds(60)), "the running application holds the lease");
            QuarkusTransaction.requiringNew().run(() -> states.findById("kpszsu").leaseUntil = now.minusSeconds(1));
            assertTrue(lease("replica-b", now, now.plusSeconds(60)), "an expired lease is free");
            assertFalse(lease("replica-c", now, now.plusSeconds(60)), "replica-b holds it now");
            assertTrue(lease("replica-b", now.plusSeconds(30), now.plusSeconds(90)), "the holder renews it");
            assertTrue(lease("replica-c", now.plusSeconds(91), now.plusSeconds(150)), "after it ran out, another takes it");

            Api.asWriter().post("/api/v1/channel/poll").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("replica replica-c follows @kpszsu"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> states.release("kpszsu", "replica-c"));
        }
        poll().body("outcome", is("ok"));
    }

    private boolean lease(String holder, Instant now, Instant until) {
        return QuarkusTransaction.requiringNew().call(() -> states.lease("kpszsu", holder, now, until));
    }

    @Test
    void shouldServeTheChannelsReadsUncachedAndFresh() {
        poll();
        String before = given().get("/api/v1/channel/status").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("ETag", nullValue())
                .extract().path("lastPollAt");
        pages.page(NEWEST, "blocked.html");
        poll(); // a failed poll changes no data version, but the status

        given().get("/api/v1/channel/status").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("lastPollAt", not(is(before)))
                .body("lastError", notNullValue());
        given().queryParam("status", "stored").get("/api/v1/channel/posts").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("ETag", nullValue());
        given().queryParam("status", "pending").get("/api/v1/channel/posts").then().statusCode(400)
                .header("Cache-Control", "no-store")
                .body("errors[0].field", is("status"))
                .body("errors[0].message", containsString("stored, ignored, unreadable"));
        given().get("/api/v1/channel/posts").then().body("items.status", hasItems("stored", "ignored", "unreadable"));
    }

    @Test
    void shouldRetryAServerErrorAfterAPauseThenReadThePage() {
        pages.once(NEWEST, 503, Map.of());

        poll().body("outcome", is("ok")).body("posts", is(27));

        List<ChannelServer.Request> newest = pages.requests().stream().filter(r -> r.target().equals(NEWEST)).toList();
        assertEquals(2, newest.size(), "the 503 and the retry");
        assertThat(Duration.between(newest.get(0).at(), newest.get(1).at()).toMillis(), greaterThanOrEqualTo(1000L));
    }

    @Test
    void shouldPauseLongerAfterEachFailedPollAndLogOneLinePerStretch() {
        poll().body("outcome", is("ok")); // a success ends whatever stretch came before
        List<LogRecord> lines = new CopyOnWriteArrayList<>();
        List<String> messages = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                if (message != null && message.startsWith("channel @kpszsu")) {
                    lines.add(record);
                    messages.add(message);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ChannelFollower.class.getName());
        logger.addHandler(capture);
        try {
            pages.page(NEWEST, "blocked.html");
            Duration interval = Duration.ofHours(1); // ChannelFollowing's poll interval
            List<Duration> pauses = new java.util.ArrayList<>();
            for (int failed = 1; failed <= 3; failed++) {
                poll().body("outcome", is("failed"));
                var status = given().get("/api/v1/channel/status").then().extract().jsonPath();
                pauses.add(Duration.between(Instant.parse(status.getString("lastErrorAt")), Instant.parse(status.getString("notBefore"))));
            }
            // the next tick after one failure, then 1 and 3 poll intervals, never more than MAX_BACKOFF
            // (here the hour-long interval is past it at once)
            assertThat(pauses.get(0).toMinutes(), is(0L));
            assertEquals(min(interval, ChannelFollower.MAX_BACKOFF).toMinutes(), pauses.get(1).toMinutes(), pauses.toString());
            assertEquals(min(interval.multipliedBy(3), ChannelFollower.MAX_BACKOFF).toMinutes(), pauses.get(2).toMinutes(), pauses.toString());
            assertEquals(1, lines.size(), "one line for the whole stretch of failures: " + messages);
            assertEquals(Level.WARNING.intValue(), lines.get(0).getLevel().intValue(), "a warning");
            assertThat(messages.get(0), containsString("poll failed"));

            pages.page(NEWEST, "newest.html");
            poll().body("outcome", is("ok"));

            assertEquals(2, lines.size(), "and one when polls succeed again: " + messages);
            assertThat(messages.get(1), containsString("polls succeed again (3 failed since"));
            given().get("/api/v1/channel/status").then().body("notBefore", nullValue());
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
