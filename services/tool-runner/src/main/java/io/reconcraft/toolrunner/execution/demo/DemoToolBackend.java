package io.reconcraft.toolrunner.execution.demo;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.StepExecutors;
import io.reconcraft.toolrunner.execution.ToolBackend;
import io.reconcraft.toolrunner.execution.parser.ParserExecutor;
import org.springframework.stereotype.Component;

/** Demo runs: deterministic canned output, no network traffic at all. */
@Component
public class DemoToolBackend extends ToolBackend {

    public DemoToolBackend() {
        super(RunMode.DEMO, new StepExecutors()
                .with(NodeKind.NMAP, new DemoNmapExecutor())
                .with(NodeKind.HTTP_PROBE, new DemoHttpProbeExecutor())
                .with(NodeKind.GITLEAKS, new DemoGitleaksExecutor())
                .with(NodeKind.PARSER, new ParserExecutor()));
    }
}
