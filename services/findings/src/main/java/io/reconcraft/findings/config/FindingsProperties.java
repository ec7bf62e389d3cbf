package io.reconcraft.findings.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workerId           names this instance in StepStarted (host name when blank)
 * @param reportPollInterval how often unfinished report steps are looked at for the wait limit and for leases that ran
 *                           out (an arriving upstream result wakes a waiting step at once)
 * @param reportWaitLimit    a report step whose upstream results never arrive fails after this
 * @param reportLease        a report claimed by an instance that died is taken over after this
 * @param defaultLimit       page size of the finding list when none is asked for
 * @param maxLimit           the largest page a query may ask for
 */
@ConfigurationProperties("reconcraft.findings")
public record FindingsProperties(String workerId, Duration reportPollInterval, Duration reportWaitLimit,
                                 Duration reportLease, Integer defaultLimit, Integer maxLimit) {

    public FindingsProperties {
        if (workerId == null || workerId.isBlank()) {
            workerId = "findings@" + hostName();
        }
        reportPollInterval = reportPollInterval == null ? Duration.ofSeconds(5) : reportPollInterval;
        reportWaitLimit = reportWaitLimit == null ? Duration.ofMinutes(2) : reportWaitLimit;
        reportLease = reportLease == null ? Duration.ofSeconds(60) : reportLease;
        defaultLimit = defaultLimit == null ? 100 : defaultLimit;
        maxLimit = maxLimit == null ? 1000 : maxLimit;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }
}
