package io.reconcraft.workflow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where gitleaks may clone from: a repository host must be an authorized target, or one of the configured
 * public code hosts. Anything else (an internal https service, a cloud metadata address) is refused, so a
 * repository URL is never a way to reach a host nobody authorized.
 */
public final class RepositoryHosts {

    public static final List<String> DEFAULT_CODE_HOSTS = List.of("github.com", "gitlab.com", "bitbucket.org");

    private final List<String> codeHosts;

    public RepositoryHosts(List<String> codeHosts) {
        this.codeHosts = (codeHosts == null ? DEFAULT_CODE_HOSTS : codeHosts).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** The host of {@code repoUrl} when it may not be cloned under {@code scope}; empty when it may. */
    public Optional<String> refusedHost(String repoUrl, Scope scope) {
        String host = hostOf(repoUrl);
        if (host == null) {
            return Optional.ofNullable(repoUrl == null ? "" : repoUrl);
        }
        if (codeHosts.contains(host) || scope.contains(host)) {
            return Optional.empty();
        }
        return Optional.of(host);
    }

    /** The lower-case host of an URL (IPv6 without brackets), or null when there is none. */
    public static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = new URI(url.strip()).getHost();
            if (host == null || host.isBlank()) {
                return null;
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
