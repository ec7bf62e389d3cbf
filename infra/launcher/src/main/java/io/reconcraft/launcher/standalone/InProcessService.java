package io.reconcraft.launcher.standalone;

import io.reconcraft.launcher.service.HealthCheck;
import io.reconcraft.launcher.service.StackService;
import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;
import io.reconcraft.launcher.stack.StackException;

import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One service as its own Spring application context in this JVM: its own class loader over its own classes and the
 * libraries only it holds (the libraries every service holds are loaded once, {@link SharedLibraries}), its own
 * properties, application context, log file and database; it still talks to the others only through Kafka.
 */
public final class InProcessService implements StackService {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ServiceName service;
    private final StackConfig config;
    private final Map<String, String> properties;
    private final HttpClient http;
    private final ServiceClassLoaders loaders;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile URLClassLoader loader;
    private volatile Thread main;
    private volatile AutoCloseable context;
    private volatile Throwable failure;
    private volatile boolean closed;

    public InProcessService(ServiceName service, StackConfig config, Map<String, String> properties, HttpClient http,
                            ServiceClassLoaders loaders) {
        this.service = service;
        this.loaders = loaders;
        this.config = config;
        this.properties = Map.copyOf(properties);
        this.http = http;
    }

    @Override
    public ServiceName service() {
        return service;
    }

    @Override
    public synchronized void start() {
        loader = loaders.newLoader(service);
        String startClass = loaders.startClass(service);
        main = new Thread(() -> run(startClass), service.id() + "-main");
        main.setContextClassLoader(loader);
        main.start();
    }

    private void run(String startClass) {
        try {
            Class<?> application = loader.loadClass(startClass);
            Class<?> springApplication = loader.loadClass("org.springframework.boot.SpringApplication");
            Object app = springApplication.getConstructor(Class[].class).newInstance((Object) new Class<?>[] {application});
            // Boot finds the main class from the stack, which here is the launcher's thread: name it for the logs
            springApplication.getMethod("setMainApplicationClass", Class.class).invoke(app, application);
            Object running = springApplication.getMethod("run", String[].class).invoke(app, (Object) arguments());
            context = (AutoCloseable) running;
            if (closed) {
                closeContext();
            }
        } catch (InvocationTargetException e) {
            failure = e.getCause();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            failure = e;
        } finally {
            started.countDown();
        }
    }

    String[] arguments() {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        // the launcher closes every context itself, in parallel, and owns the console
        args.add("--spring.main.register-shutdown-hook=false");
        args.add("--spring.main.banner-mode=off");
        // the services' log files are written by the shared Logback (ServiceClassLoaders), not by each Boot
        return args.toArray(String[]::new);
    }

    @Override
    public void awaitHealthy() {
        HealthCheck health = HealthCheck.actuator(http, config.ports().of(service));
        long deadline = System.nanoTime() + config.readinessTimeout().toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (failure != null) {
                    throw new StackException(service.id() + " failed to start: " + failure
                            + "; see " + config.logFile(service.id()), failure);
                }
                if (started.getCount() == 0 && health.isUp()) {
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + service.id(), e);
        }
        throw new StackException(service.id() + " was not healthy at " + health.uri() + " within "
                + config.readinessTimeout().toSeconds() + " s; see " + config.logFile(service.id()));
    }

    @Override
    public void close() {
        closed = true;
        Thread starting = main;
        if (starting == null) {
            return;
        }
        try {
            // a context still starting is closed by its own thread once it is up (see run)
            if (started.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                closeContext();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void closeContext() {
        AutoCloseable running = context;
        context = null;
        if (running == null) {
            return;
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            running.close();
        } catch (Exception e) {
            System.err.println("warning: closing " + service.id() + " failed: " + e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
