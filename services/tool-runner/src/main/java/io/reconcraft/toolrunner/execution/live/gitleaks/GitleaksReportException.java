package io.reconcraft.toolrunner.execution.live.gitleaks;

/** gitleaks wrote something that is not a report; the message says why and never quotes the report. */
public class GitleaksReportException extends RuntimeException {

    GitleaksReportException(String reason) {
        super("gitleaks report could not be parsed: " + reason);
    }
}
