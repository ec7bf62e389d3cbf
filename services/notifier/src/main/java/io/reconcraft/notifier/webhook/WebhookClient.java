package io.reconcraft.notifier.webhook;

import io.reconcraft.events.EventCodec;
import io.reconcraft.notifier.NotifierProperties;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a message to a webhook that passed the guard: to the very addresses that were checked (no second
 * DNS answer can redirect it), never following redirects, within timeouts.
 */
public class WebhookClient {

    private static final Logger log = LoggerFactory.getLogger(WebhookClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final WebhookGuard guard;
    private final OkHttpClient http;

    public WebhookClient(WebhookGuard guard, NotifierProperties properties) {
        this.guard = guard;
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

    /** Checks the URL, then posts; a refused URL is a {@link WebhookRefusedException}. */
    public DeliveryResult post(Channel channel, String webhookUrl, String message) {
        CheckedWebhook webhook = guard.check(webhookUrl);
        byte[] body = EventCodec.mapper().writeValueAsBytes(Map.of(channel.messageField(), channel.fit(message)));
        Request request = new Request.Builder().url(webhook.url()).post(RequestBody.create(body, JSON)).build();
        OkHttpClient pinned = http.newBuilder().dns(host -> webhook.addresses()).build();
        try (Response response = pinned.newCall(request).execute()) {
            int status = response.code();
            if (response.isSuccessful()) {
                log.info("{} webhook {} answered {}", channel.wireName(), webhook.masked(), status);
                return DeliveryResult.delivered(status);
            }
            String reason = response.isRedirect()
                    ? channel.wireName() + " webhook answered a redirect (HTTP " + status + "), which is not followed"
                    : channel.wireName() + " webhook answered HTTP " + status;
            log.warn("{} webhook {}: {}", channel.wireName(), webhook.masked(), reason);
            return DeliveryResult.failed(status, reason);
        } catch (InterruptedIOException e) {
            return failure(channel, webhook, "timed out");
        } catch (IOException e) {
            return failure(channel, webhook, "could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static DeliveryResult failure(Channel channel, CheckedWebhook webhook, String what) {
        String reason = channel.wireName() + " webhook " + what;
        log.warn("{} webhook {}: {}", channel.wireName(), webhook.masked(), reason);
        return DeliveryResult.failed(0, reason);
    }
}
