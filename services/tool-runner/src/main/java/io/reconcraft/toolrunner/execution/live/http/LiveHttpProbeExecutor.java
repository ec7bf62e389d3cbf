package io.reconcraft.toolrunner.execution.live.http;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.ProbeUrls.ProbeUrl;
import io.reconcraft.toolrunner.execution.ProbeUrls;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.workflow.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The live HTTP probe. It runs in the runner's JVM, not in a container: no third-party binary runs,
 * it only sends GET requests without credentials, every host it requests (the first and every redirect
 * hop) is checked against the run's scope, and every request is capped in time and in body size, so a
 * hostile server can waste at most a bounded amount of one worker's time and memory. The URLs are the
 * open HTTP-like ports of upstream scans, or http:// and https:// of each target.
 */
public class LiveHttpProbeExecutor implements StepExecutor {

    private final OkHttpClient client;
    private final HttpProbeProperties properties;
    private final Clock clock;
    private final HostGate.Resolver resolver;

    public LiveHttpProbeExecutor(HttpProbeProperties properties) {
        this(properties, Clock.systemUTC(), HostGate.Resolver.SYSTEM);
    }

    LiveHttpProbeExecutor(HttpProbeProperties properties, Clock clock) {
        this(properties, clock, HostGate.Resolver.SYSTEM);
    }

    LiveHttpProbeExecutor(HttpProbeProperties properties, Clock clock, HostGate.Resolver resolver) {
        this.client = InspectingHttpClient.create(properties);
        this.properties = properties;
        this.clock = clock;
        this.resolver = resolver;
    }

    @Override
    public StepResult execute(StepContext context) {
        StepRequested step = context.step();
        StepLog log = context.log();
        List<ProbeUrl> urls = ProbeUrls.of(step, true);
        HttpProbe probe = new HttpProbe(client, properties,
                new HostGate(Scope.of(step.scope()), step.runMode() == RunMode.LIVE, resolver));
        log.line("http-probe: " + urls.size() + " URL(s), at most " + properties.maxRedirects() + " redirects in scope, "
                + properties.maxBodySize().toKilobytes() + " KiB per body");
        Instant now = clock.instant();
        List<Map<String, Object>> responses = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (ProbeUrl url : urls) {
            ProbeResponse response = probe.probe(url.url());
            if (!response.answered() && url.fallbackUrl() != null) {
                log.line(summary(response));
                response = probe.probe(url.fallbackUrl());
            }
            log.line(summary(response));
            findings.addAll(HttpProbeFindings.of(response, now));
            responses.add(response.toOutput(now));
            log.flush();
        }
        return StepResult.succeeded(findings, Map.of("responses", responses));
    }

    private static String summary(ProbeResponse response) {
        if (!response.answered()) {
            return "GET " + response.url() + " -> no answer (" + response.error() + ")";
        }
        return "GET " + response.url() + (response.redirectChain().size() > 1 ? " -> " + response.finalUrl() : "")
                + " -> " + response.status() + (response.title() == null ? "" : " \"" + response.title() + "\"")
                + (response.server() == null ? "" : " (" + response.server() + ")")
                + (response.redirectBlocked() == null ? "" : " [redirect not followed: " + response.redirectBlocked() + "]");
    }
}
