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
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
