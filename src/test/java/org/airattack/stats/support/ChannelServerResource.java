package org.airattack.stats.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the channel's test server before the application and points airattack.channel.base-url at
 * it; tests get it injected. Its arguments are pages to serve from the start: target → page
 * ({@code /s/kpszsu} → {@code newest.html}); the argument {@value #FEED} names the target that
 * airattack.channel.feed-url points at.
 */
public class ChannelServerResource implements QuarkusTestResourceLifecycleManager {

    /** The argument naming the feed's target. */
    public static final String FEED = "feed-url";

    private ChannelServer server;
    private Map<String, String> pages = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        pages = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        server = ChannelServer.start();
        Map<String, String> config = new HashMap<>(Map.of("airattack.channel.base-url", server.baseUrl()));
        pages.forEach((target, page) -> {
            if (target.equals(FEED)) {
                config.put("airattack.channel.feed-url", server.baseUrl().replaceFirst("/s/$", "") + page);
            } else {
                server.page(target, page);
            }
        });
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(ChannelServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
