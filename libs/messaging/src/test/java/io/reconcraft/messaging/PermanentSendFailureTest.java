package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaProducerException;

class PermanentSendFailureTest {

    @Test
    void givenARecordTooLargeWrappedTheWaySpringKafkaReportsIt_whenClassified_thenItIsPermanentWithKafkasReason() {
        RecordTooLargeException tooLarge = new RecordTooLargeException("The message is 1498514 bytes when serialized "
                + "which is larger than 1048576, which is the value of the max.request.size configuration.");
        Throwable failure = new ExecutionException(new KafkaProducerException(null, "Failed to send", tooLarge));

        assertThat(EventPublisher.permanentFailure(failure))
                .hasValue(tooLarge.getMessage());
    }

    @Test
    void givenAnEventThatCannotBeSerialized_whenClassified_thenItIsPermanent() {
        Throwable failure = new KafkaException("send failed", new SerializationException("cannot write StepRequested"));

        assertThat(EventPublisher.permanentFailure(failure)).hasValue("cannot write StepRequested");
    }

    @Test
    void givenATimeoutWhileTheBrokerIsAway_whenClassified_thenSendingAgainMaySucceed() {
        Throwable failure = new ExecutionException(new KafkaProducerException(null, "Failed to send",
                new TimeoutException("Expiring 1 record(s) for reconcraft.step-requests.tool-runner-0")));

        assertThat(EventPublisher.permanentFailure(failure)).isEmpty();
    }
}
