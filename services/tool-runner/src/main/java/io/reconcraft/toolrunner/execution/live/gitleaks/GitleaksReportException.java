package io.reconcraft.toolrunner.execution.live.gitleaks;

import io.reconcraft.toolrunner.execution.live.ToolOutputException;

/** gitleaks wrote something that is not a report; the message says why and never quotes the report. */
public class GitleaksReportException extends ToolOutputException {

    GitleaksReportException(String reason) {
        super("gitleaks report could not be parsed: " + reason);
    }
}
