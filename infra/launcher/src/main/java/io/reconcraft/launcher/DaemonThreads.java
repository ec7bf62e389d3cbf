package io.reconcraft.launcher;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the launcher's background work: named, so a thread dump says whose they are, and daemons, so that
 * none of them keeps the launcher's JVM alive after its shutdown hook has run.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return named(name, Thread.NORM_PRIORITY);
    }

    /** Threads at the given Java priority, which the JVM applies where the OS lets it (the launcher sets it up so). */
    public static ThreadFactory named(String name, int priority) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        };
    }
}
