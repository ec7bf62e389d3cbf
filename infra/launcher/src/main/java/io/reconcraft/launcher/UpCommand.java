package io.reconcraft.launcher;

import io.reconcraft.launcher.stack.AdminKey;
import io.reconcraft.launcher.stack.LocalStack;
import io.reconcraft.launcher.stack.StackConfig;
import io.reconcraft.launcher.stack.StackException;
import io.reconcraft.launcher.stack.StackPidFile;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** {@code up}: start the stack and keep it running until Ctrl-C or SIGTERM. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class UpCommand {

    private final StackConfig config;
    private final Map<String, String> env;
    private final PrintStream out;
    private final LocalStack.Mode mode;

    int run() throws InterruptedException {
        new StackPidFile(config.home()).liveOwner().ifPresent(owner -> {
            throw new StackException("a ReconCraft stack is already running (launcher pid " + owner.pid()
                    + "); stop it first, or use ./reconcraft demo against it");
        });
        String adminKey = AdminKey.resolve(env, config.home());
        LocalStack stack = new LocalStack(config, adminKey, out, mode);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping ReconCraft…");
            stack.close();
        }, "reconcraft-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        out.println();
        out.println("ReconCraft is up");
        out.println("  API:           http://localhost:" + config.ports().gateway() + "/api");
        out.println("  admin API key: " + adminKey);
        out.println("  logs:          " + config.logs());
        out.println("Press Ctrl-C to stop.");
        // the shutdown hook stops the stack; this thread only has to keep the JVM alive until then
        new CountDownLatch(1).await();
        return Launcher.OK;
    }
}
