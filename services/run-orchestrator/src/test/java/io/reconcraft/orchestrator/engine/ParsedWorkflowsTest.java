package io.reconcraft.orchestrator.engine;

import static io.reconcraft.orchestrator.support.Workflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.store.RunDocument;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParsedWorkflowsTest {

    @Test
    void givenARunParsedBefore_whenItsSameTextIsAskedForAgain_thenTheParsedWorkflowIsReused() {
        RunDocument run = runOf(UUID.randomUUID().toString(), workflow().node("start", "start").build());

        ParsedWorkflows.Parsed first = ParsedWorkflows.of(run);

        assertThat(ParsedWorkflows.of(run)).isSameAs(first);
    }

    @Test
    void givenARunIdParsedBefore_whenItComesWithAnotherWorkflowText_thenThatTextIsParsed() {
        String runId = UUID.randomUUID().toString();
        ParsedWorkflows.of(runOf(runId, workflow().node("start", "start").build()));

        ParsedWorkflows.Parsed parsed = ParsedWorkflows.of(runOf(runId,
                workflow().node("start", "start").node("nmap", "nmap").edge("start", "nmap").build()));

        assertThat(parsed.graph().topologicalOrder()).containsExactly("start", "nmap");
    }

    private static RunDocument runOf(String runId, WorkflowSnapshot workflow) {
        return RunDocument.accepted(runId, EventCodec.mapper().writeValueAsString(workflow), List.of("127.0.0.1"),
                "demo", List.of("127.0.0.1"), Instant.now(), List.of(), "default");
    }
}
