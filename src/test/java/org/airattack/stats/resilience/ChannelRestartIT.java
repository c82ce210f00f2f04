package org.airattack.stats.resilience;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.airattack.stats.support.ChannelServer;
import org.airattack.stats.support.ServiceProcess;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service follows the channel's test pages, stops, and starts again: the new process
 * resumes from the cursor the old one left in the database, reading back only to it (no second
 * backfill), and records each post once.
 */
class ChannelRestartIT {

    static final String NEWEST = "/s/kpszsu";
    static final String PAGE_2 = "/s/kpszsu?before=82663";
    static final String BEFORE_82680 = "/s/kpszsu?before=82680";
    /** The pages of the stored nights 82668 and 82655, read again while they are younger than the re-read window. */
    static final String REREAD_82668 = "/s/kpszsu?before=82669";
    static final String REREAD_82655 = "/s/kpszsu?before=82656";

    ChannelServer pages;

    @BeforeEach
    void pages() {
        pages = ChannelServer.start();
        pages.page(NEWEST, "newest.html");
        pages.page(PAGE_2, "before-82663.html");
        pages.page(REREAD_82655, "before-82656.html");
    }

    @AfterEach
    void stop() {
        pages.stop();
    }

    @Test
    void shouldResumeFromTheCursorAfterARestart() {
        String db = TestDb.freshDatabase("it_channel_restart");
        Map<String, String> following = Map.of("airattack.channel.enabled", "true",
                "airattack.channel.base-url", pages.baseUrl(),
                "airattack.channel.poll-interval", "PT1H",
                "airattack.channel.backfill-pages", "2");
        try (ServiceProcess service = ServiceProcess.start("channel-restart", db, following)) {
            Replica.writerOn(service).post("/api/v1/channel/poll").then().statusCode(200).body("outcome", is("ok"));
            Replica.on(service).get("/api/v1/channel/status").then().body("cursor", is(82676)).body("posts.stored", is(3));
            int reports = Replica.on(service).get("/api/v1/reports?size=1").then().extract().jsonPath().getInt("total");

            service.close(); // SIGTERM: the lease is handed on at shutdown
            pages.clear();
            pages.page(NEWEST, "later.html");
            pages.page(BEFORE_82680, "before-82680.html");
            pages.page(PAGE_2, "before-82663.html");
            pages.page(REREAD_82668, "newest.html");
            pages.page(REREAD_82655, "before-82656.html");
            // the restarted service may poll on its own first: then the poll asked for below re-reads the night it stored
            pages.page("/s/kpszsu?before=82678", "before-82680.html");
            service.restart();

            Replica.writerOn(service).post("/api/v1/channel/poll").then().statusCode(200).body("outcome", is("ok"));

            List<String> read = pages.requests().stream().map(ChannelServer.Request::target).toList();
            // the newest page, back to the page with the cursor, then the re-read window's stored posts: no second backfill
            assertEquals(List.of(NEWEST, BEFORE_82680, REREAD_82668, REREAD_82655), read.subList(0, 4), read.toString());
            assertFalse(read.contains(PAGE_2), "nothing behind the cursor but the re-reads: " + read);
            Replica.on(service).get("/api/v1/channel/status").then()
                    .body("cursor", is(82682))
                    .body("posts.stored", is(4)); // the night posted behind the old newest page (82677)
            int after = Replica.on(service).get("/api/v1/reports?size=1").then().extract().jsonPath().getInt("total");
            assertEquals(reports + 1, after, "one report more: the new night, nothing stored twice");
            Replica.on(service).get("/api/v1/channel/posts?size=500").then()
                    .body("items.findAll { it.id == 82668 }.size()", is(1));
        }
    }
}
