package org.airattack.stats.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a {@link WebhookReceiver} before the application and configures the hook {@code test} to it; tests get it injected. */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {

    private WebhookReceiver receiver;

    @Override
    public Map<String, String> start() {
        receiver = WebhookReceiver.start();
        return receiver.config();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(receiver, new TestInjector.MatchesType(WebhookReceiver.class));
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }
}
