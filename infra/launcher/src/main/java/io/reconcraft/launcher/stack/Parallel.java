package io.reconcraft.launcher.stack;

import io.reconcraft.launcher.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs blocking tasks on one thread each; the common pool has a single thread on a 2-core machine. */
final class Parallel {

    private Parallel() {
    }

    /** Runs all tasks to the end and returns the failure of each task, in task order, null where it succeeded. */
    static List<RuntimeException> runAll(List<Runnable> tasks) {
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(1, tasks.size()), DaemonThreads.named("reconcraft-stack"));
        try {
            List<Future<?>> futures = tasks.stream().<Future<?>>map(pool::submit).toList();
            List<RuntimeException> failures = new ArrayList<>();
            for (Future<?> future : futures) {
                failures.add(outcome(future));
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException outcome(Future<?> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException runtime ? runtime : new RuntimeException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StackException("interrupted", e);
        }
    }
}
