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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformFormatTest {

    private static Finding finding(Severity severity) {
        return new Finding("f-" + severity, severity, "Open port", "desc", "ssh", 22, "10.0.0.5", "nmap", "fp", Map.of());
    }

    private static StepRequested step(List<Finding> findings) {
        return new StepRequested("run:slack", "slack", "slack", "Alert team", Map.of(), List.of("10.0.0.5"), RunMode.LIVE,
                AuthorizedScope.NONE, 1, 30, List.of(new UpstreamOutput("nmap", "nmap", Map.of(), findings)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object root, Object... path) {
        Object current = root;
        for (Object step : path) {
            current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    @Test
    void givenAStepNotification_whenFormattedForSlack_thenHeaderMessageAndFactFieldsAreBlocks() {
        Map<String, Object> body = SlackFormat.body(Notification.ofStep(step(List.of(finding(Severity.HIGH))), "Scan done"));

        assertThat((String) at(body, "text")).isEqualTo("Scan done");
        assertThat((String) at(body, "blocks", 0, "text", "text")).isEqualTo("ReconCraft: Alert team");
        assertThat((String) at(body, "blocks", 1, "text", "text")).isEqualTo("Scan done");
        assertThat((List<Object>) at(body, "blocks", 2, "fields")).extracting(f -> at(f, "text"))
                .containsExactly("*Target*\n10.0.0.5", "*Open ports*\nnone", "*Findings*\n1 finding (1 high)");
    }

    @Test
    void givenAMessageLongerThanASlackBlock_whenFormatted_thenItIsCutTo3000CharactersAndMarked() {
        String text = at(SlackFormat.body(Notification.ofMessage("x".repeat(5000))), "blocks", 1, "text", "text");

        assertThat(text).hasSize(3000).endsWith("… (truncated)");
    }

    @Test
    void givenFindingsOfSeveralSeverities_whenFormattedForDiscord_thenTheColourIsTheWorstOnes() {
        Map<String, Object> body = DiscordFormat.body(Notification.ofStep(
                step(List.of(finding(Severity.LOW), finding(Severity.CRITICAL), finding(Severity.MEDIUM))), "Scan done"));

        assertThat((Integer) at(body, "embeds", 0, "color")).isEqualTo(DiscordFormat.colour(Severity.CRITICAL));
        assertThat((String) at(body, "embeds", 0, "description")).isEqualTo("Scan done");
        assertThat((List<Object>) at(body, "embeds", 0, "fields")).hasSize(3);
    }

    @Test
    void givenHugeFieldsAndMessage_whenFormattedForDiscord_thenEveryLimitAndTheEmbedTotalHold() {
        List<Notification.Field> fields = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> new Notification.Field("name" + i, "v".repeat(2000))).toList();
        Map<String, Object> body = DiscordFormat.body(new Notification("t".repeat(300), "m".repeat(9000), fields,
                Optional.empty()));

        String title = at(body, "embeds", 0, "title");
        String description = at(body, "embeds", 0, "description");
        List<Object> embedFields = at(body, "embeds", 0, "fields");
        int total = title.length() + description.length() + embedFields.stream()
                .mapToInt(f -> ((String) at(f, "name")).length() + ((String) at(f, "value")).length()).sum();
        assertThat(title).hasSize(256).endsWith(Truncation.MARK);
        assertThat(description).hasSize(4096).endsWith(Truncation.MARK);
        assertThat(embedFields).isNotEmpty().hasSizeLessThanOrEqualTo(25)
                .allSatisfy(f -> assertThat((String) at(f, "value")).hasSizeLessThanOrEqualTo(1024));
        assertThat(total).isLessThanOrEqualTo(6000);
    }

    @Test
    void givenTextThatFits_whenTruncated_thenItIsUnchanged() {
        assertThat(Truncation.fit("short", 10)).isEqualTo("short");
    }
}
