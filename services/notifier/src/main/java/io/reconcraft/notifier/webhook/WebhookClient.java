package io.reconcraft.notifier.webhook;

import io.reconcraft.notifier.config.NotifierProperties;
import io.reconcraft.notifier.delivery.AttemptResult;
import io.reconcraft.notifier.delivery.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook call to a URL that passed the guard: to the very addresses that were checked (no second
 * DNS answer can redirect it), never following redirects, within timeouts. Whether to try again is the
 * caller's decision; this only says what happened and whether trying again could help.
 */
public class WebhookClient {

    private static final Logger log = LoggerFactory.getLogger(WebhookClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final WebhookGuard guard;
    private final OkHttpClient http;
    private final Clock clock;

    public WebhookClient(WebhookGuard guard, NotifierProperties properties, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .callTimeout(properties.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    /**
     * Checks the URL (a refused one is a {@link WebhookRefusedException}), then posts the JSON body once.
     * {@code idempotencyKey} goes out as the {@code Idempotency-Key} header, the same on every attempt.
     */
    public AttemptResult post(String webhookUrl, byte[] jsonBody, String idempotencyKey) {
        CheckedWebhook webhook = guard.check(webhookUrl);
        Request request = new Request.Builder().url(webhook.url())
                .header("Idempotency-Key", idempotencyKey)
                .post(RequestBody.create(jsonBody, JSON)).build();
        OkHttpClient pinned = http.newBuilder().dns(host -> webhook.addresses()).build();
        try (Response response = pinned.newCall(request).execute()) {
            AttemptResult result = resultOf(response);
            log.info("webhook {} answered {}", webhook.masked(), response.code());
            return result;
        } catch (InterruptedIOException e) {
            log.warn("webhook {} timed out", webhook.masked());
            return AttemptResult.transientFailure(0, "timed out", null);
        } catch (IOException e) {
            String reason = "could not be reached (" + e.getClass().getSimpleName() + ")";
            log.warn("webhook {} {}", webhook.masked(), reason);
            return AttemptResult.transientFailure(0, reason, null);
        }
    }

    private AttemptResult resultOf(Response response) {
        int status = response.code();
        if (response.isSuccessful()) {
            return AttemptResult.delivered(status);
        }
        if (status == 429) {
            return AttemptResult.transientFailure(status, "HTTP 429",
                    RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(null));
        }
        // 408: the server gave up waiting for us; like a 5xx, a later attempt may well succeed.
        if (status >= 500 || status == 408) {
            return AttemptResult.transientFailure(status, "HTTP " + status, null);
        }
        if (response.isRedirect() || (status >= 300 && status < 400)) {
            return AttemptResult.permanentFailure(status, "redirect (HTTP " + status + "), which is not followed");
        }
        return AttemptResult.permanentFailure(status, "HTTP " + status);
    }
}
