package io.reconcraft.launcher;

import io.reconcraft.launcher.stack.LocalStack;
import io.reconcraft.launcher.stack.StackConfig;
import io.reconcraft.launcher.stack.StackException;

import java.io.PrintStream;
import java.util.Map;
import lombok.RequiredArgsConstructor;

/** Command line entry point: {@code up}, {@code demo}, {@code help}. */
@RequiredArgsConstructor
public final class Launcher {

    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int USAGE_OR_STARTUP_ERROR = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public static void main(String[] args) {
        System.exit(new Launcher(System.out, System.err, System.getenv()).run(args));
    }

    public int run(String... args) {
        if (args.length < 1 || args.length > 2) {
            usage(err);
            return USAGE_OR_STARTUP_ERROR;
        }
        LocalStack.Mode mode = LocalStack.Mode.SINGLE_JVM;
        if (args.length == 2) {
            if (!args[1].equals("--processes") || !(args[0].equals("up") || args[0].equals("demo"))) {
                err.println("unknown option: " + args[1]);
                usage(err);
                return USAGE_OR_STARTUP_ERROR;
            }
            mode = LocalStack.Mode.PROCESSES;
        }
        switch (args[0]) {
            case "help", "-h", "--help" -> {
                usage(out);
                return OK;
            }
            case "up", "demo" -> {
                return runStackCommand(args[0], mode);
            }
            default -> {
                err.println("unknown command: " + args[0]);
                usage(err);
                return USAGE_OR_STARTUP_ERROR;
            }
        }
    }

    private int runStackCommand(String command, LocalStack.Mode mode) {
        StackConfig config;
        try {
            config = StackConfig.fromEnvironment(env, java.nio.file.Path.of("").toAbsolutePath());
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return USAGE_OR_STARTUP_ERROR;
        }
        try {
            return command.equals("up")
                    ? new UpCommand(config, env, out, mode).run()
                    : new DemoCommand(config, env, out, mode).run();
        } catch (StackException e) {
            err.println("error: " + e.getMessage());
            err.println("logs: " + config.logs());
            return USAGE_OR_STARTUP_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return USAGE_OR_STARTUP_ERROR;
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return USAGE_OR_STARTUP_ERROR;
        }
    }

    static void usage(PrintStream stream) {
        stream.println("""
                usage: ./reconcraft <command> [--processes]

                commands:
                  up     start Kafka, MongoDB and the services on this machine; Ctrl-C stops everything.
                         The services run as separate Spring contexts in one JVM; with --processes, one
                         supervised JVM per service (restarted with backoff if one dies)
                  demo   run the sample workflow (start -> nmap -> http-probe -> gitleaks) against 127.0.0.1;
                         uses a running stack, or starts one for the duration of the demo
                  test   run every test (handled by the ./reconcraft script: sets up podman, then mvn verify)
                  help   show this text

                environment:
                  RECONCRAFT_HOME                  data and logs (default: <repo>/.reconcraft)
                  RECONCRAFT_REPO                  repository root (default: found above the working folder)
                  RECONCRAFT_ADMIN_API_KEY         admin API key (default: generated once, kept in $RECONCRAFT_HOME)
                  RECONCRAFT_READY_TIMEOUT_SECONDS how long each part may take to start (default 120)
                  RECONCRAFT_GATEWAY_PORT (8000), RECONCRAFT_RUN_ORCHESTRATOR_PORT (8101),
                  RECONCRAFT_TOOL_RUNNER_PORT (8102), RECONCRAFT_NOTIFIER_PORT (8103), RECONCRAFT_AUDIT_PORT (8104),
                  RECONCRAFT_FINDINGS_PORT (8105),
                  RECONCRAFT_KAFKA_PORT (9092), RECONCRAFT_KAFKA_CONTROLLER_PORT (9093), RECONCRAFT_MONGO_PORT (27017)

                exit codes: 0 success, 1 demo run failed, 2 usage or startup error""");
    }
}
