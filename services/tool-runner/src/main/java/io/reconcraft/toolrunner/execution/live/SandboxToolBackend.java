package io.reconcraft.toolrunner.execution.live;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.StepExecutors;
import io.reconcraft.toolrunner.execution.ToolBackend;
import io.reconcraft.toolrunner.execution.live.gitleaks.LiveGitleaksExecutor;
import io.reconcraft.toolrunner.execution.live.gitleaks.SecretHasher;
import io.reconcraft.toolrunner.execution.live.http.HttpProbeProperties;
import io.reconcraft.toolrunner.execution.live.http.LiveHttpProbeExecutor;
import io.reconcraft.toolrunner.execution.live.nmap.LiveNmapExecutor;
import io.reconcraft.toolrunner.execution.parser.ParserExecutor;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import org.springframework.stereotype.Component;

/**
 * Live runs. nmap and gitleaks touch the network only from inside a locked-down container; the HTTP
 * probe runs in this JVM (no third-party binary, scope-checked hops, strict caps: see
 * {@link LiveHttpProbeExecutor}).
 */
@Component
public class SandboxToolBackend extends ToolBackend {

    public SandboxToolBackend(ContainerSandbox sandbox, SandboxProperties properties,
                              HttpProbeProperties httpProbe, SecretHasher secrets) {
        super(RunMode.LIVE, new StepExecutors()
                .with(NodeKind.NMAP, new LiveNmapExecutor(sandbox, properties))
                .with(NodeKind.GITLEAKS, new LiveGitleaksExecutor(sandbox, properties, secrets))
                .with(NodeKind.HTTP_PROBE, new LiveHttpProbeExecutor(httpProbe))
                // reads only upstream output and sends no traffic: the same executor as in demo runs
                .with(NodeKind.PARSER, new ParserExecutor()));
    }
}
