package io.reconcraft.gateway.actions;

import io.reconcraft.events.NotificationRequested;
import io.reconcraft.events.RunCancelRequested;
import io.reconcraft.events.RunRetryRequested;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.integrations.IntegrationService;
import io.reconcraft.gateway.run.RunQueries;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Cancel, retry and send-to-Slack/Discord: checked against the run's state here, carried out by other services. */
@Service
@RequiredArgsConstructor
public class RunActions {

    private static final int MAX_REASON_LENGTH = 500;

    private final RunQueries runs;
    private final IntegrationService integrations;
    private final CommandSender sender;

    public Mono<ActionAccepted> cancel(String runId, String requestedBy, String reason) {
        return runs.get(runId).flatMap(run -> {
            if (run.status().isTerminal()) {
                throw ApiException.conflict("run '" + runId + "' already finished (" + run.status().wireName() + ")");
            }
            if (reason != null && reason.length() > MAX_REASON_LENGTH) {
                throw ApiException.invalid("reason", "at most " + MAX_REASON_LENGTH + " characters");
            }
            String why = reason == null || reason.isBlank() ? "cancelled through the API" : reason.strip();
            return sender.send(runId, new RunCancelRequested(requestedBy, why))
                    .thenReturn(new ActionAccepted(runId, "cancel", "cancellation requested", null));
        });
    }

    public Mono<ActionAccepted> retry(String runId, String requestedBy) {
        return runs.get(runId).flatMap(run -> {
            if (run.status() != RunStatus.FAILED) {
                throw ApiException.conflict("only a failed run can be retried; run '" + runId + "' is "
                        + run.status().wireName());
            }
            return sender.send(runId, new RunRetryRequested(requestedBy))
                    .thenReturn(new ActionAccepted(runId, "retry", "retry requested", null));
        });
    }

    public Mono<ActionAccepted> notify(String runId, String channel, String requestedBy) {
        return runs.get(runId).flatMap(run -> integrations.enabledWebhook(channel)
                .switchIfEmpty(Mono.error(() -> ApiException.conflict(channel + " integration is not configured")))
                .flatMap(webhookUrl -> {
                    String notificationId = UUID.randomUUID().toString();
                    return sender.send(runId, new NotificationRequested(notificationId, channel, webhookUrl,
                                    RunSummaryMessage.of(run), requestedBy))
                            .thenReturn(new ActionAccepted(runId, "send-" + channel, "notification requested",
                                    notificationId));
                }));
    }
}
