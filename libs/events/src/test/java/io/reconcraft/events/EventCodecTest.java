package io.reconcraft.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.model.RunStatus;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {

    static Stream<EventPayload> everyEventType() {
        return SampleEvents.all().stream();
    }

    @Test
    void theSamplesCoverEveryRegisteredEventType() {
        assertThat(SampleEvents.all()).extracting(EventTypes::nameOf)
                .hasSameElementsAs(EventTypes.names());
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void givenAnEvent_whenWrittenAndReadBack_thenItIsEqual(EventPayload payload) {
        EventEnvelope event = EventEnvelope.of("run-1", payload);

        EventEnvelope read = EventCodec.read(EventCodec.write(event));

        assertThat(read).isEqualTo(event);
        assertThat(read.type()).isEqualTo(payload.getClass().getSimpleName());
    }

    @Test
    void givenAnEventWithFieldsThisBuildDoesNotKnow_whenRead_thenTheKnownFieldsAreKept() {
        String json = """
                {"eventId":"e-1","type":"StepStarted","runId":"run-1","occurredAt":"2026-11-29T10:15:30Z",
                 "version":2,"traceId":"abc","payload":{"stepId":"run-1:scan","nodeId":"scan","attempt":1,
                 "worker":"runner-a","cpuQuota":0.5}}""";

        EventEnvelope event = EventCodec.read(json);

        assertThat(event.payload()).isEqualTo(new StepStarted("run-1:scan", "scan", 1, "runner-a"));
        assertThat(event.version()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void givenAnEventAsProducersWriteIt_whenRead_thenItIsReadInOnePassAndAsTheTreeReadsIt(EventPayload payload) {
        byte[] written = EventCodec.write(EventEnvelope.of("run-1", payload));

        EventEnvelope onePass = EventCodec.readInOnePass(written);

        assertThat(onePass).isNotNull().isEqualTo(EventCodec.readThroughTree(written));
    }

    @Test
    void givenThePayloadBeforeTheType_whenRead_thenItIsStillRead() {
        String json = """
                {"payload":{"status":"running"},"version":1,"runId":"run-1","occurredAt":"2026-11-29T10:15:30Z",
                 "type":"RunStatusChanged","eventId":"e-1"}""";

        EventEnvelope event = EventCodec.read(json);

        assertThat(EventCodec.readInOnePass(json.getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(event.payload()).isEqualTo(new RunStatusChanged(RunStatus.RUNNING, null, null));
        assertThat(event.runId()).isEqualTo("run-1");
    }

    @Test
    void givenAFieldTwice_whenRead_thenTheLastOneCountsAsBefore() {
        String json = """
                {"eventId":"e-1","type":"RunStatusChanged","runId":"run-1","runId":"run-2",
                 "occurredAt":"2026-11-29T10:15:30Z","version":1,"payload":{"status":"running"}}""";

        assertThat(EventCodec.read(json).runId()).isEqualTo("run-2");
    }

    @Test
    void givenARunRequestedWithoutATrigger_whenRead_thenItWasAnApiCall() {
        String json = """
                {"eventId":"e-1","type":"RunRequested","runId":"run-1","occurredAt":"2026-11-29T10:15:30Z",
                 "version":1,"payload":{"workflow":{"id":"wf","name":"Recon","nodes":[],"edges":[]},
                 "targets":["127.0.0.1"],"runMode":"demo","requestedBy":"key-1"}}""";

        RunRequested requested = EventCodec.read(json).payloadAs(RunRequested.class);

        assertThat(requested.trigger()).isEqualTo(io.reconcraft.events.model.RunTrigger.api());
    }

    @Test
    void aScheduledRunRequestedCarriesItsTriggerOnTheWire() {
        String json = EventCodec.writeString(EventEnvelope.of("run-1", SampleEvents.first(RunRequested.class, run -> run.trigger() != null
                && run.trigger().scheduleId() != null)));

        assertThat(json).contains("\"trigger\":{\"type\":\"schedule\",\"scheduleId\":\"sch-1\"}");
    }

    @Test
    void statusesAndSeveritiesTravelAsTheStudiosLowerCaseValues() {
        String json = EventCodec.writeString(EventEnvelope.of("run-1", SampleEvents.first(StepCompleted.class)));

        assertThat(json).contains("\"status\":\"succeeded\"").contains("\"severity\":\"low\"")
                .contains("\"occurredAt\":\"20");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "[1,2,3]", "{\"type\":\"StepStarted\"}",
            "{\"eventId\":\"e\",\"type\":\"NoSuchEvent\",\"occurredAt\":\"2026-11-29T10:15:30Z\",\"version\":1,\"payload\":{}}",
            "{\"eventId\":\"e\",\"type\":\"StepStarted\",\"occurredAt\":\"yesterday\",\"version\":1,\"payload\":{}}",
            "{\"eventId\":\"e\",\"type\":\"StepStarted\",\"occurredAt\":\"2026-11-29T10:15:30Z\",\"version\":1}",
            "{\"eventId\":\"e\",\"type\":\"RunStatusChanged\",\"occurredAt\":\"2026-11-29T10:15:30Z\",\"version\":1,\"payload\":{\"status\":\"paused\"}}",
            "{\"eventId\":\"e\",\"type\":\"StepStarted\",\"occurredAt\":\"2026-11-29T10:15:30Z\",\"version\":1,\"payload\":{\"attempt\":\"many\"}}"
    })
    void givenAMalformedMessage_whenRead_thenItIsRejectedWithAClearError(String json) {
        assertThatThrownBy(() -> EventCodec.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageNotContaining("Exception")
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void givenAnUnknownStatus_whenRead_thenTheErrorNamesTheAllowedValues() {
        String json = "{\"eventId\":\"e\",\"type\":\"RunStatusChanged\",\"occurredAt\":\"2026-11-29T10:15:30Z\","
                + "\"version\":1,\"payload\":{\"status\":\"paused\"}}";

        assertThatThrownBy(() -> EventCodec.read(json))
                .hasMessageContaining("RunStatusChanged")
                .hasMessageContaining("queued, running, succeeded, failed");
    }

    @Test
    void eachEventGoesToTheTopicOfWhatHappened() {
        assertThat(EventEnvelope.of("r", SampleEvents.first(RunRequested.class)).topic()).isEqualTo(Topics.RUN_REQUESTS);
        assertThat(EventEnvelope.of("r", SampleEvents.first(StepRequested.class)).topic()).isEqualTo(Topics.TOOL_STEP_REQUESTS);
        assertThat(EventEnvelope.of("r", SampleEvents.first(StepCompleted.class)).topic()).isEqualTo(Topics.RUN_EVENTS);
        assertThat(EventEnvelope.of("r", SampleEvents.first(RunCompleted.class)).topic()).isEqualTo(Topics.RUN_EVENTS);
    }

    @Test
    void givenAStepCancelAsEarlierBuildsWroteIt_whenRead_thenItsKindIsTypedAndItIsWrittenBackTheSame() {
        String payload = "{\"stepId\":\"run-1:alert\",\"nodeId\":\"alert\",\"kind\":\"http-probe\","
                + "\"attempt\":2,\"reason\":\"run cancelled\"}";
        String json = "{\"eventId\":\"e-1\",\"type\":\"StepCancelRequested\",\"runId\":\"run-1\","
                + "\"occurredAt\":\"2026-11-29T10:15:30Z\",\"version\":1,\"payload\":" + payload + "}";

        EventEnvelope event = EventCodec.read(json);

        StepCancelRequested cancel = event.payloadAs(StepCancelRequested.class);
        assertThat(cancel.kind()).isEqualTo(io.reconcraft.events.model.NodeKind.HTTP_PROBE);
        assertThat(new String(EventCodec.write(event), StandardCharsets.UTF_8)).contains("\"payload\":" + payload);
    }

    @Test
    void givenAStepCancelNamingAnUnknownKind_whenRead_thenItIsMalformed() {
        String json = """
                {"eventId":"e-1","type":"StepCancelRequested","runId":"run-1","occurredAt":"2026-11-29T10:15:30Z",
                 "version":1,"payload":{"stepId":"run-1:x","nodeId":"x","kind":"teleport","attempt":1,"reason":"r"}}""";

        assertThatThrownBy(() -> EventCodec.read(json)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void givenACancelOfAStep_whenRouted_thenItGoesToTheTopicOfTheRequestItCancels() {
        assertThat(EventEnvelope.of("r", new StepCancelRequested("r:scan", "scan", "nmap", 1, "cancelled")).topic())
                .isEqualTo(Topics.TOOL_STEP_REQUESTS);
        assertThat(EventEnvelope.of("r", new StepCancelRequested("r:alert", "alert", "slack", 1, "cancelled")).topic())
                .isEqualTo(Topics.NOTIFIER_STEP_REQUESTS);
        assertThat(EventEnvelope.of("r", new RunRetryRequested("key-1")).topic()).isEqualTo(Topics.RUN_REQUESTS);
        assertThat(EventEnvelope.of(null, SampleEvents.first(ApiCallAudited.class)).topic()).isEqualTo(Topics.API_AUDIT);
        assertThat(EventEnvelope.of(null, SampleEvents.first(ScheduleFired.class)).topic()).isEqualTo(Topics.API_AUDIT);
    }

    @Test
    void givenAReportStep_whenRouted_thenTheFindingsServiceGetsItAndItsResultsGoOnTheRunTopic() {
        assertThat(EventEnvelope.of("r", new StepCancelRequested("r:rep", "rep", "report", 1, "cancelled")).topic())
                .isEqualTo(Topics.FINDINGS_STEP_REQUESTS);
        assertThat(EventEnvelope.of("r", SampleEvents.first(FindingsUpdated.class)).topic()).isEqualTo(Topics.RUN_EVENTS);
        assertThat(EventEnvelope.of("r", SampleEvents.first(ReportWritten.class)).topic()).isEqualTo(Topics.RUN_EVENTS);
        assertThat(EventEnvelope.of(null, SampleEvents.first(FindingTriaged.class)).topic())
                .isEqualTo(Topics.FINDINGS_EVENTS);
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void givenAnEventAsOurProducersWriteIt_whenItsTypeIsAskedFor_thenTheTypeIsReadFromItsFirstFields(
            EventPayload payload) {
        EventEnvelope event = EventEnvelope.of("run-1", payload);

        assertThat(EventCodec.typeOf(EventCodec.write(event))).contains(event.type());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "[1,2]",
            "not json",
            "{\"eventId\":\"e-1\",\"payload\":{\"stepId\":\"s\"},\"type\":\"StepLog\"}",
            "{\"eventId\":\"e-1\",\"type\":{\"name\":\"StepLog\"}}",
            "{\"eventId\":\"e-1\",\"runId\":\"r\"}"})
    void givenBytesThatAreNotAnEnvelopeWithItsTypeBeforeItsPayload_whenItsTypeIsAskedFor_thenThereIsNone(String json) {
        assertThat(EventCodec.typeOf(json.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void givenAnEnvelopeWithNestedFieldsBeforeItsType_whenItsTypeIsAskedFor_thenTheNestedOnesAreNotTakenForIt() {
        String json = """
                {"extra":{"type":"RunCompleted"},"eventId":"e-1","type":"StepLog","payload":{"type":"x"}}""";

        assertThat(EventCodec.typeOf(json.getBytes(StandardCharsets.UTF_8))).contains("StepLog");
    }
}
