package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepLog;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class ReadablePollTest {

    private final List<ConsumerRecord<String, EventEnvelope>> poll = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();

    @Test
    void givenRecordsPassedOverUnread_whenThePollIsApplied_thenOnlyTheReadOnesAreAppliedInOrder() {
        read("a");
        passedOver();
        read("b");
        passedOver();
        read("c");

        ReadablePoll.apply(poll, this::collect);

        assertThat(applied).containsExactly("a", "b", "c");
    }

    @Test
    void givenAnUnreadableRecordAfterOnesPassedOver_whenApplied_thenTheReadOnesBeforeItAreAppliedAndItIsDeadLettered() {
        read("a");
        passedOver();
        ConsumerRecord<String, EventEnvelope> unreadable = add(null);
        read("b");

        assertThatThrownBy(() -> ReadablePoll.apply(poll, this::collect))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> assertThat(e.getRecord()).isSameAs(unreadable));
        assertThat(applied).containsExactly("a");
    }

    @Test
    void givenAPollOfRecordsAllPassedOver_whenAppliedTogether_thenNothingIsApplied() {
        passedOver();
        passedOver();

        ReadablePoll.applyTogetherOrOneByOne(poll, this::collect);

        assertThat(applied).isEmpty();
    }

    private void collect(List<ConsumerRecord<String, EventEnvelope>> records) {
        records.forEach(record -> applied.add(((StepLog) record.value().payload()).lines().get(0)));
    }

    private void read(String line) {
        add(EventEnvelope.of("run-1", new StepLog("run-1:n1", "n1", 1, List.of(line))));
    }

    private void passedOver() {
        add(null).headers().add(ReadEvents.NOT_READ_HEADER, new byte[0]);
    }

    private ConsumerRecord<String, EventEnvelope> add(EventEnvelope event) {
        ConsumerRecord<String, EventEnvelope> record = new ConsumerRecord<>("run-events", 0, poll.size(), "run-1", event);
        poll.add(record);
        return record;
    }
}
