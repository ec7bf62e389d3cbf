package io.reconcraft.notifier.webhook;

import java.net.URI;

/** Webhook URLs are secrets (the path is the credential): only scheme, host and port may be shown. */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    public static String mask(String url) {
        if (url == null || url.isBlank()) {
            return "(none)";
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/***";
            }
        } catch (java.net.URISyntaxException e) {
            // falls through: an unparseable URL is shown as nothing at all
        }
        return "***";
    }
}
