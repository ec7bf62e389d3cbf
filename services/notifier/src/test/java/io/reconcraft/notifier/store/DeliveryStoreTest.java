package io.reconcraft.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.notifier.delivery.Delivery;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The durable state of deliveries, on a real MongoDB-wire server: claims are leases that survive their holder. */
class DeliveryStoreTest extends EmbeddedMongoStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    /** Each test on a database of its own, so that no other test's delivery can be the one that is due. */
    private final DeliveryStore store = new DeliveryStore(freshDatabase("deliveries"));

    private static Delivery pending(String id, Instant dueAt) {
        return Delivery.forNotification(id, "run-1", "slack", id).webhookUrl("http://127.0.0.1:1/hook")
                .content("{}", null).window(dueAt, dueAt.plusSeconds(300)).build();
    }

    @Test
    void givenTheSameIdempotencyKeyTwice_whenCreated_thenOnlyTheFirstIsStored() {
        assertThat(store.create(pending("twice", T0))).isTrue();
        assertThat(store.create(pending("twice", T0))).isFalse();
    }

    @Test
    void givenAClaimWhoseHolderDied_whenItsLeaseRunsOut_thenAnotherClaimTakesItOverAndTheOldOneCanNoLongerWrite() {
        Instant base = T0;
        store.create(pending("orphan", base));
        assertThat(store.claimNextDue(base, Duration.ofSeconds(60), "dead-instance", "token-a")).isPresent();

        assertThat(store.claimNextDue(base.plusSeconds(30), Duration.ofSeconds(60), "live-instance", "token-b")).isEmpty();
        assertThat(store.claimNextDue(base.plusSeconds(61), Duration.ofSeconds(60), "live-instance", "token-b"))
                .hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("orphan"));
        assertThat(store.reschedule("orphan", "token-a", 1, base.plusSeconds(90), "HTTP 500", 500)).isFalse();
        assertThat(store.reschedule("orphan", "token-b", 1, base.plusSeconds(90), "HTTP 500", 500)).isTrue();
        assertThat(store.find("orphan")).hasValueSatisfying(d -> {
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.dueAt()).isEqualTo(base.plusSeconds(90));
            assertThat(d.lastError()).isEqualTo("HTTP 500");
        });
    }

    @Test
    void givenAPendingDelivery_whenCancelled_thenItIsDecidedAndASecondCancelChangesNothing() {
        Instant base = T0;
        store.create(pending("cancel-me", base.plusSeconds(3600)));
        Delivery.Outcome cancelled = new Delivery.Outcome(false, false, "cancelled", "cancelled", java.util.List.of());

        assertThat(store.cancel("cancel-me", cancelled, base)).isTrue();
        assertThat(store.cancel("cancel-me", cancelled, base)).isFalse();
        assertThat(store.find("cancel-me")).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(Delivery.Status.REPORTING);
            assertThat(d.outcome().code()).isEqualTo("cancelled");
        });
    }
}
