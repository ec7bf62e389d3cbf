package io.reconcraft.launcher.standalone;

import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;

/**
 * The class loaders of the services of a one-JVM stack: one per service ({@link ServiceClassLoader}) over its own
 * classes, and the libraries in {@link SharedLibraries}. Set up once, on the first service's start, with the one
 * shared Logback writing each service's lines to its own log file.
 */
@RequiredArgsConstructor
public final class ServiceClassLoaders implements AutoCloseable {

    private static final String LOG_FILES = "io.reconcraft.launcher.standalone.logging.ServiceLogFiles";
    // Boot's logging system would reset and reconfigure the one shared Logback for each service in turn
    private static final String BOOT_LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
    private static final String BOOT_BACKGROUND_PREINITIALIZER_IGNORE = "spring.backgroundpreinitializer.ignore";

    private final StackConfig config;
    private final Map<ServiceName, ExplodedJar> jars = new EnumMap<>(ServiceName.class);
    private final List<URLClassLoader> loaders = new ArrayList<>();
    private final Map<String, String> previousProperties = new LinkedHashMap<>();
    private SharedLibraries shared;

    /** The service's application class ({@code Start-Class}). */
    public synchronized String startClass(ServiceName service) {
        setUp();
        return jars.get(service).startClass();
    }

    /** A new class loader for the service, named after it (a thread's context class loader says whose it is). */
    public synchronized URLClassLoader newLoader(ServiceName service) {
        setUp();
        URLClassLoader loader = shared.loaderFor(service.id());
        loaders.add(loader);
        return loader;
    }

    private void setUp() {
        if (shared != null) {
            return;
        }
        for (ServiceName service : ServiceName.values()) {
            jars.put(service, ExplodedJar.besideJar(config.serviceJar(service)));
        }
        Map<String, List<URL>> classpaths = new LinkedHashMap<>();
        jars.forEach((service, jar) -> classpaths.put(service.id(), jar.classpath()));
        shared = SharedLibraries.of(classpaths);
        setSystemProperty(BOOT_LOGGING_SYSTEM, "none");
        // its latch is static, so shared by all services: it held back every service after the first to finish
        setSystemProperty(BOOT_BACKGROUND_PREINITIALIZER_IGNORE, "true");
        invokeLogFiles("configure", new Class<?>[] {String.class, Map.class, Set.class},
                config.logs().toString(), servicesByPackage(),
                Arrays.stream(ServiceName.values()).map(ServiceName::id).collect(Collectors.toSet()));
    }

    private void setSystemProperty(String key, String value) {
        previousProperties.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    // a service's own code logs under its application's package, e.g. io.reconcraft.gateway.
    private Map<String, String> servicesByPackage() {
        Map<String, String> byPackage = new LinkedHashMap<>();
        jars.forEach((service, jar) -> {
            String start = jar.startClass();
            byPackage.put(start.substring(0, start.lastIndexOf('.') + 1), service.id());
        });
        return byPackage;
    }

    private void invokeLogFiles(String method, Class<?>[] types, Object... args) {
        try {
            Class.forName(LOG_FILES, true, shared).getMethod(method, types).invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot set up the services' log files: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set up the services' log files: " + e, e);
        }
    }

    /** After every service's context is closed: flushes the log files and releases the jars. */
    @Override
    public synchronized void close() {
        if (shared == null) {
            return;
        }
        invokeLogFiles("stop", new Class<?>[0]);
        for (URLClassLoader loader : loaders) {
            closeQuietly(loader);
        }
        closeQuietly(shared);
        previousProperties.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        previousProperties.clear();
        loaders.clear();
        shared = null;
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            System.err.println("warning: closing the class loader " + loader.getName() + " failed: " + e);
        }
    }
}
