package io.reconcraft.launcher.standalone.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets up the one Logback the services share (it sits in their shared class loader) so that every service still
 * writes its own log file. Loaded by that shared class loader, not by the launcher's: it must not use any other
 * launcher class (see {@code SharedLibraries}).
 */
public final class ServiceLogFiles {

    private ServiceLogFiles() {
    }

    /**
     * @param folder            where {@code <service>.log} files go
     * @param servicesByPackage each service's own package prefix (e.g. {@code io.reconcraft.gateway.}) to its name
     * @param services          the names of the services' class loaders, which are the names of their log files
     */
    public static void configure(String folder, Map<String, String> servicesByPackage, Set<String> services) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        ServiceFileAppender appender = new ServiceFileAppender(Path.of(folder), servicesByPackage, services);
        appender.setContext(context);
        appender.setName("service-files");
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        // what Spring Boot's logging system would do per service: java.util.logging into SLF4J, once for the JVM
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** Flushes and closes every service's file. */
    public static void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
