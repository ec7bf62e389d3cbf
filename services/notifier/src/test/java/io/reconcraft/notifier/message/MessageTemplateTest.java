package io.reconcraft.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private static Finding finding(Severity severity) {
        return new Finding("f-" + severity, severity, "t", "d", null, null, "10.0.0.5", "nmap", "fp", Map.of());
    }

    private static StepRequested step(List<String> targets, List<UpstreamOutput> upstream) {
        return new StepRequested("r:slack-1", "slack-1", "slack", "Alert", Map.of(), targets, RunMode.DEMO,
                AuthorizedScope.NONE, 1, 30, upstream);
    }

    private static final UpstreamOutput NMAP = new UpstreamOutput("nmap-1", "nmap", Map.of("hosts", List.of(
            Map.of("address", "10.0.0.5", "ports", List.of(
                    Map.of("port", 22, "protocol", "tcp", "state", "open", "service", "ssh"),
                    Map.of("port", 80, "protocol", "tcp", "state", "closed", "service", "http"),
                    Map.of("port", 443, "protocol", "tcp", "state", "open", "service", "https"))))),
            List.of(finding(Severity.LOW), finding(Severity.LOW), finding(Severity.MEDIUM)));

    @Test
    void givenATemplateWithAllPlaceholders_whenRendered_thenTargetsOpenPortsAndFindingSummaryAreFilledIn() {
        String message = MessageTemplate.render("Scan of {{target}}: {{ports}} — {{findings}}",
                step(List.of("10.0.0.5", "app.example.org"), List.of(NMAP,
                        new UpstreamOutput("gitleaks-1", "gitleaks", Map.of(), List.of(finding(Severity.HIGH))))));

        assertThat(message).isEqualTo("Scan of 10.0.0.5, app.example.org: 10.0.0.5 22/tcp (ssh), 443/tcp (https)"
                + " — 4 findings (1 high, 1 medium, 2 low)");
    }

    @Test
    void givenNoUpstream_whenRendered_thenPlaceholdersSayNothingWasFound() {
        assertThat(MessageTemplate.render("{{ports}} / {{findings}}", step(List.of("10.0.0.5"), List.of())))
                .isEqualTo("none / no findings");
    }

    @Test
    void givenUpstreamOutputOfAnUnexpectedShape_whenRendered_thenItIsSkipped() {
        UpstreamOutput odd = new UpstreamOutput("x", "nmap", Map.of("hosts", "garbage"), List.of());

        assertThat(MessageTemplate.render("{{ports}}", step(List.of(), List.of(odd, NMAP))))
                .isEqualTo("10.0.0.5 22/tcp (ssh), 443/tcp (https)");
    }

    @Test
    void givenNoTemplate_whenRendered_thenTheDefaultIsUsed() {
        assertThat(MessageTemplate.render(null, step(List.of("10.0.0.5"), List.of(NMAP))))
                .isEqualTo("ReconCraft: 3 findings (1 medium, 2 low) on 10.0.0.5. Open ports: 10.0.0.5 22/tcp (ssh), 443/tcp (https).");
    }
}
