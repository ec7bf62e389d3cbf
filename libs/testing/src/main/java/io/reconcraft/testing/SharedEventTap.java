package io.reconcraft.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link EventTap} for all tests of a class: opened before the first test, once the Spring context has
 * declared the topics (so it sees every partition), closed after the last. Register it as
 * {@code @RegisterExtension static final SharedEventTap events = SharedEventTap.on(Topics.RUN_EVENTS);}.
 */
public final class SharedEventTap implements BeforeEachCallback, AfterAllCallback {

    private final List<String> topics;
    private EventTap tap;

    private SharedEventTap(List<String> topics) {
        this.topics = List.copyOf(topics);
    }

    public static SharedEventTap on(String... topics) {
        return new SharedEventTap(List.of(topics));
    }

    /** The open tap; only inside a test (it opens before the first one). */
    public EventTap tap() {
        if (tap == null) {
            throw new IllegalStateException("the event tap opens before the first test");
        }
        return tap;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (tap == null) {
            tap = new EventTap(RealInfrastructure.bootstrapServers(), topics);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (tap != null) {
            tap.close();
            tap = null;
        }
    }
}
