package io.reconcraft.launcher.service;

import io.reconcraft.launcher.stack.ServiceName;

/** One of the services of the local stack, however it is hosted (a child JVM, or a context in this JVM). */
public interface StackService extends AutoCloseable {

    ServiceName service();

    /** Starts it without waiting. */
    void start();

    /** Waits until its actuator health says UP; fails with what went wrong otherwise. */
    void awaitHealthy();

    @Override
    void close();
}
