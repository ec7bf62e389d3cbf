package io.reconcraft.toolrunner;

import io.reconcraft.testing.SharedEventTap;
import io.reconcraft.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.toolrunner.sandbox.Sandboxes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole tool-runner on real Kafka and MongoDB-wire servers, running a live nmap step in a real container. */
// closed after the class: a cached context would keep consuming step requests meant for other ITs
@DirtiesContext
@SpringBootTest(properties = "reconcraft.toolrunner.worker-id=live-runner-under-test")
class LiveNmapStepIT {

    @RegisterExtension
    static final SharedEventTap stepEvents = SharedEventTap.on(Topics.RUN_EVENTS);

    @BeforeAll
    static void requireEngine() {
        Sandboxes.close(Sandboxes.requireEngine());
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
        registry.add("reconcraft.toolrunner.docker-host", Sandboxes::dockerHost);
    }

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private io.reconcraft.messaging.AuthorizedTargetsView allowList;

    private final String runId = "run-" + UUID.randomUUID();

    private <P> List<P> payloads(Class<P> type) {
        return stepEvents.tap().eventsOf(runId).stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast)
                .toList();
    }

    @Test
    void givenALiveNmapStepInScope_whenRequested_thenNmapRunsSandboxedAndItsFindingsAndLogsArrive() throws Exception {
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            StepRequested step = new StepRequested(runId + ":nmap-1", "nmap-1", "nmap", "scan", Map.of("profile", "custom",
                    "flags", "-p " + service.getLocalPort()), List.of("127.0.0.1"), RunMode.LIVE,
                    new AuthorizedScope(List.of("127.0.0.1/32")), 1, 120, List.of());

            AllowList.authorize(publisher, allowList, "127.0.0.1/32");
            publisher.publish(runId, step);

            StepCompleted completed = await().atMost(Duration.ofSeconds(90))
                    .until(() -> payloads(StepCompleted.class), done -> !done.isEmpty()).get(0);
            assertThat(completed.status()).as(completed.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(completed.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.severity()).isEqualTo(Severity.LOW);
                assertThat(finding.port()).isEqualTo(service.getLocalPort());
            });
            assertThat(completed.outputs()).containsKey("hosts");
            assertThat(payloads(StepLog.class)).flatExtracting(StepLog::lines)
                    .contains("Nmap scan report for 127.0.0.1");
        }
    }
}
