package io.reconcraft.toolrunner.scope;

import io.reconcraft.workflow.RepositoryHosts;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param codeHosts        hosts gitleaks may clone from without being authorized targets
 * @param allowListPatience how long a step waits at most for this instance's first read of the allow-list
 */
@ConfigurationProperties("reconcraft.scope")
public record ScopeProperties(List<String> codeHosts, Duration allowListPatience) {

    public ScopeProperties {
        codeHosts = codeHosts == null ? RepositoryHosts.DEFAULT_CODE_HOSTS : List.copyOf(codeHosts);
        allowListPatience = allowListPatience == null ? Duration.ofSeconds(15) : allowListPatience;
    }
}
