package io.reconcraft.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.StepOutcome;
import org.junit.jupiter.api.Test;

/** The typed {@code outcome} fields travel as the bare code events have always carried. */
class OutcomeWireFormTest {

    private static final String FAILED_STEP = "{\"eventId\":\"e-1\",\"type\":\"StepCompleted\",\"runId\":\"run-1\","
            + "\"occurredAt\":\"2026-11-29T10:15:30Z\",\"version\":1,\"payload\":{\"stepId\":\"run-1:scan\","
            + "\"nodeId\":\"scan\",\"attempt\":2,\"status\":\"failed\",\"outcome\":\"%s\",\"error\":\"slow\","
            + "\"findings\":[],\"outputs\":{}}}";

    @Test
    void givenAStepCompletedWrittenBeforeTheType_whenReadAndWrittenBack_thenTheJsonIsUnchanged() {
        String json = FAILED_STEP.formatted("sandbox_unavailable");

        EventEnvelope read = EventCodec.read(json);

        assertThat(read.payloadAs(StepCompleted.class).outcome()).isEqualTo(StepOutcome.SANDBOX_UNAVAILABLE);
        assertThat(EventCodec.writeString(read)).isEqualTo(json);
    }

    @Test
    void givenACodeThisBuildDoesNotKnow_whenRead_thenTheEventIsReadWithTheCodeKeptAndNotRetryable() {
        String json = FAILED_STEP.formatted("quota_exceeded");

        StepCompleted completed = EventCodec.read(json).payloadAs(StepCompleted.class);

        assertThat(completed.outcome().wire()).isEqualTo("quota_exceeded");
        assertThat(completed.outcome().known()).isFalse();
        assertThat(completed.outcome().retryable()).isFalse();
        assertThat(EventCodec.writeString(EventCodec.read(json))).isEqualTo(json);
    }

    @Test
    void givenNoOutcome_whenRead_thenItIsNullAndWrittenBackAsBefore() {
        String json = "{\"eventId\":\"e-2\",\"type\":\"RunCompleted\",\"runId\":\"run-1\","
                + "\"occurredAt\":\"2026-11-29T10:15:30Z\",\"version\":1,\"payload\":{\"status\":\"failed\","
                + "\"outcome\":\"step_failed\",\"reason\":\"step 'scan' failed\",\"summary\":null}}";

        RunCompleted completed = EventCodec.read(json).payloadAs(RunCompleted.class);
        String running = EventCodec.writeString(EventEnvelope.of("run-1",
                new RunStatusChanged(io.reconcraft.events.model.RunStatus.RUNNING, null, null)));

        assertThat(completed.outcome()).isEqualTo(StepOutcome.STEP_FAILED);
        assertThat(EventCodec.writeString(EventCodec.read(json))).isEqualTo(json);
        assertThat(EventCodec.read(running).payloadAs(RunStatusChanged.class).outcome()).isNull();
        assertThat(running).contains("\"payload\":{\"status\":\"running\",\"outcome\":null,\"reason\":null}");
    }

    @Test
    void givenTheAuditEventsOutcomes_whenReadAndWrittenBack_thenKnownAndUnknownCodesKeepTheirJson() {
        String fired = "{\"eventId\":\"e-3\",\"type\":\"ScheduleFired\",\"runId\":\"run-1\","
                + "\"occurredAt\":\"2026-11-29T10:15:30Z\",\"version\":1,\"payload\":{\"scheduleId\":\"sch-1\","
                + "\"dueAt\":\"2026-11-29T02:30:00Z\",\"runId\":null,\"outcome\":\"%s\",\"detail\":null,"
                + "\"requestedBy\":\"key-1\"}}";
        String call = "{\"eventId\":\"e-4\",\"type\":\"ApiCallAudited\",\"runId\":\"run-1\","
                + "\"occurredAt\":\"2026-11-29T10:15:30Z\",\"version\":1,\"payload\":{\"actorKeyId\":\"key-1\","
                + "\"role\":\"operator\",\"action\":\"POST /api/runs\",\"resource\":null,"
                + "\"clientAddress\":\"127.0.0.1\",\"outcome\":\"%s\",\"httpStatus\":%d}}";

        assertThat(EventCodec.read(fired.formatted("skipped")).payloadAs(ScheduleFired.class).outcome())
                .isSameAs(ScheduleFired.Outcome.SKIPPED);
        assertThat(EventCodec.read(call.formatted("denied", 403)).payloadAs(ApiCallAudited.class).outcome())
                .isSameAs(ApiCallAudited.Outcome.DENIED);
        assertThat(EventCodec.read(fired.formatted("postponed")).payloadAs(ScheduleFired.class).outcome().known())
                .isFalse();
        for (String json : java.util.List.of(fired.formatted("skipped"), fired.formatted("postponed"),
                call.formatted("denied", 403), call.formatted("throttled", 429))) {
            assertThat(EventCodec.writeString(EventCodec.read(json))).isEqualTo(json);
        }
    }
}
