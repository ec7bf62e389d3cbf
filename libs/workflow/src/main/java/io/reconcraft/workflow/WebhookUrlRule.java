package io.reconcraft.workflow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which webhook URLs a workflow may name: https to an allow-listed host. With
 * {@code allowLoopback} (local testing only) http or https to a loopback address is accepted too.
 */
public record WebhookUrlRule(Set<String> allowedHosts, boolean allowLoopback) {

    public static final WebhookUrlRule DEFAULT =
            new WebhookUrlRule(Set.of("hooks.slack.com", "discord.com", "discordapp.com"), false);

    public WebhookUrlRule {
        allowedHosts = Set.copyOf(allowedHosts);
    }

    /** Null when acceptable, otherwise why not (never echoing the URL, which is a secret). */
    public String check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return "must be a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getUserInfo() != null) {
            return "must not contain credentials";
        }
        if (allowLoopback && isLoopback(host) && (scheme.equals("https") || scheme.equals("http"))) {
            return null;
        }
        if (!scheme.equals("https")) {
            return "must be an https URL";
        }
        if (!allowedHosts.contains(host)) {
            return "host must be one of " + allowedHosts.stream().sorted().toList();
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1") || host.startsWith("127.");
    }
}
