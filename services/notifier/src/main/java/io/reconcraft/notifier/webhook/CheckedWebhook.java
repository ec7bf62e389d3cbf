package io.reconcraft.notifier.webhook;

import java.net.InetAddress;
import java.util.List;
import okhttp3.HttpUrl;

/** A webhook URL that passed every check, with the addresses that were checked: the call goes only to those. */
public record CheckedWebhook(HttpUrl url, List<InetAddress> addresses) {

    public CheckedWebhook {
        addresses = List.copyOf(addresses);
    }

    public String masked() {
        return WebhookUrls.mask(url.toString());
    }
}
