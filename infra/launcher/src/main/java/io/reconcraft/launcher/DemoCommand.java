package io.reconcraft.launcher;

import io.reconcraft.launcher.demo.DemoRun;
import io.reconcraft.launcher.demo.GatewayClient;
import io.reconcraft.launcher.service.HealthCheck;
import io.reconcraft.launcher.stack.AdminKey;
import io.reconcraft.launcher.stack.LocalStack;
import io.reconcraft.launcher.stack.StackConfig;
import io.reconcraft.launcher.stack.StackPidFile;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** {@code demo}: run the sample workflow on a running stack, or on one started just for it. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class DemoCommand {

    private final StackConfig config;
    private final Map<String, String> env;
    private final PrintStream out;
    private final LocalStack.Mode mode;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    int run() throws InterruptedException {
        String adminKey = AdminKey.resolve(env, config.home());
        if (runningStackAnswers()) {
            out.println("using the ReconCraft stack running on port " + config.ports().gateway());
            return demo(adminKey);
        }
        out.println("no ReconCraft stack is running; starting one for the demo");
        try (LocalStack stack = new LocalStack(config, adminKey, out, mode)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "reconcraft-shutdown"));
            stack.start();
            out.println("ReconCraft is up; running the demo");
            int exitCode = demo(adminKey);
            out.println("stopping the stack started for the demo");
            return exitCode;
        }
    }

    // The pid file only says a launcher may be starting a stack; the gateway's health has the last word.
    private boolean runningStackAnswers() throws InterruptedException {
        HealthCheck gateway = new HealthCheck(http, apiBase().resolve("api/health"));
        if (gateway.answers200()) {
            return true;
        }
        if (new StackPidFile(config.home()).liveOwner().isEmpty()) {
            return false;
        }
        out.println("a ReconCraft stack is starting; waiting for the gateway…");
        long deadline = System.nanoTime() + config.readinessTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (gateway.answers200()) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private int demo(String adminKey) throws InterruptedException {
        GatewayClient client = new GatewayClient(http, apiBase().resolve("api"), adminKey);
        try {
            boolean succeeded = new DemoRun(client, out).run();
            out.println(succeeded ? "demo run succeeded" : "demo run failed");
            return succeeded ? Launcher.OK : Launcher.RUN_FAILED;
        } catch (IOException | GatewayClient.GatewayException e) {
            out.println("demo run failed: " + e.getMessage());
            return Launcher.RUN_FAILED;
        }
    }

    private URI apiBase() {
        return URI.create("http://127.0.0.1:" + config.ports().gateway() + "/");
    }
}
