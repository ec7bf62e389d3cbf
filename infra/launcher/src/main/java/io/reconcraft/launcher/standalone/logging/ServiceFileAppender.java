package io.reconcraft.launcher.standalone.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each line to the log file of the service it belongs to: a line of a service's own code by its logger's
 * package; a line of a shared library by the thread's context class loader, which every thread a service starts
 * inherits from the service's main thread. Lines no service can be told for (threads of shared pools that another
 * service started, the launcher's own threads) go to {@code services.log}.
 */
final class ServiceFileAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final String UNKNOWN = "services";
    // what Spring Boot writes to its log file, less the PID (every service has the launcher's)
    private static final String PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5level --- [%15.15thread] %-40.40logger{39} : %msg%n";

    private final Path folder;
    private final Map<String, String> servicesByPackage;
    private final Set<String> services;
    private final Map<String, Appender<ILoggingEvent>> files = new ConcurrentHashMap<>();

    ServiceFileAppender(Path folder, Map<String, String> servicesByPackage, Set<String> services) {
        this.folder = folder;
        this.servicesByPackage = Map.copyOf(servicesByPackage);
        this.services = Set.copyOf(services);
    }

    @Override
    protected void append(ILoggingEvent event) {
        files.computeIfAbsent(serviceOf(event), this::open).doAppend(event);
    }

    String serviceOf(ILoggingEvent event) {
        String logger = event.getLoggerName();
        for (Map.Entry<String, String> entry : servicesByPackage.entrySet()) {
            if (logger.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            if (services.contains(loader.getName())) {
                return loader.getName();
            }
        }
        return UNKNOWN;
    }

    // as Spring Boot's default file logging: roll over at 10 MB
    private Appender<ILoggingEvent> open(String service) {
        String file = folder.resolve(service + ".log").toString();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(getContext());
        encoder.setPattern(PATTERN);
        encoder.start();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(getContext());
        appender.setName(service);
        appender.setFile(file);
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(getContext());
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(getContext());
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        return appender;
    }

    @Override
    public void stop() {
        files.values().forEach(Appender::stop);
        files.clear();
        super.stop();
    }
}
