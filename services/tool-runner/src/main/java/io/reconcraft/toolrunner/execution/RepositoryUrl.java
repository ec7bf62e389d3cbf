package io.reconcraft.toolrunner.execution;

import java.net.URI;
import io.reconcraft.events.model.NodeKind;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.regex.Pattern;

/** A repository to scan: https only (no file:, ssh or local paths), no embedded credentials. */
public record RepositoryUrl(URI uri) {

    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,200}");

    public static RepositoryUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new StepInputException("gitleaks repoUrl is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new StepInputException("gitleaks repoUrl must be an https URL (got scheme '"
                    + (uri.getScheme() == null ? "none" : uri.getScheme()) + "')");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new StepInputException("gitleaks repoUrl must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new StepInputException("gitleaks repoUrl must not carry credentials");
        }
        return new RepositoryUrl(uri);
    }

    public static String branch(String text) {
        if (text == null || text.isBlank()) {
            return "main";
        }
        if (!BRANCH.matcher(text).matches() || text.contains("..") || text.startsWith("-")) {
            throw new StepInputException("gitleaks branch must be a plain git branch name");
        }
        return text;
    }

    /** What a gitleaks step's config names: the repository and the branch ({@code main} when unset). */
    public record Checkout(RepositoryUrl repo, String branch) {

        public static Checkout of(Map<String, Object> config) {
            StepConfig values = new StepConfig(NodeKind.GITLEAKS.wireName(), config);
            return new Checkout(parse(values.requiredText("repoUrl")), RepositoryUrl.branch(values.text("branch")));
        }
    }

    public String display() {
        return "https://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
