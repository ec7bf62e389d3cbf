package io.reconcraft.notifier.webhook;

import io.reconcraft.workflow.WebhookUrlRule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Decides whether a webhook may be called: https to an allow-listed host whose every resolved address
 * is public unicast. With allow-loopback (tests only) http or https to loopback is accepted, and then
 * every resolved address must be loopback.
 */
public class WebhookGuard {

    private final WebhookUrlRule rule;
    private final boolean allowLoopback;
    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    public WebhookGuard(WebhookProperties properties, HostResolver resolver) {
        this.rule = new WebhookUrlRule(properties.allowedHosts(), properties.allowLoopback());
        this.allowLoopback = properties.allowLoopback();
        this.allowedHosts = properties.allowedHosts();
        this.resolver = resolver;
    }

    public CheckedWebhook check(String rawUrl) {
        if (rawUrl == null || rawUrl.isBlank()) {
            throw new WebhookRefusedException("no webhook URL is configured");
        }
        String ruleProblem = rule.check(rawUrl);
        if (ruleProblem != null) {
            throw new WebhookRefusedException("webhook URL " + ruleProblem);
        }
        HttpUrl url = HttpUrl.parse(rawUrl.strip());
        if (url == null) {
            throw new WebhookRefusedException("webhook URL must be a valid URL");
        }
        List<InetAddress> addresses = resolve(url.host());
        boolean loopbackOnly = allowLoopback && addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        // The loopback exception must not open the allow-list to names that merely look like loopback.
        if (!allowedHosts.contains(url.host()) && !loopbackOnly) {
            throw new WebhookRefusedException("webhook URL host must be one of " + allowedHosts.stream().sorted().toList());
        }
        if (!url.isHttps() && !loopbackOnly) {
            throw new WebhookRefusedException("webhook URL must be an https URL");
        }
        if (!loopbackOnly) {
            for (InetAddress address : addresses) {
                Optional<String> problem = AddressClass.nonPublic(address);
                if (problem.isPresent()) {
                    throw new WebhookRefusedException("webhook host resolves to a " + problem.get()
                            + " address, which webhooks may not reach");
                }
            }
        }
        return new CheckedWebhook(url, addresses);
    }

    private List<InetAddress> resolve(String host) {
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new WebhookRefusedException("webhook host does not resolve");
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new WebhookRefusedException("webhook host does not resolve");
        }
    }
}
