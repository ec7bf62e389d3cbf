package io.reconcraft.toolrunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.AuthorizedTargetsSnapshot;
import io.reconcraft.messaging.AuthorizedTargetsView;
import io.reconcraft.messaging.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Publishes the authorized-target allow-list as the gateway would, and waits until the runner has read it. */
public final class AllowList {

    private AllowList() {
    }

    public static void authorize(EventPublisher publisher, AuthorizedTargetsView view, String... entries) {
        publisher.publish(null, new AuthorizedTargetsSnapshot(List.of(entries), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(view.entries(Duration.ofSeconds(5))).containsExactly(entries));
    }
}
