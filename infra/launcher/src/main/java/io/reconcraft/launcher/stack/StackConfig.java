package io.reconcraft.launcher.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the stack keeps its data and finds its jars, and which ports it uses.
 *
 * @param home             data folder: logs, Kafka log dirs, the Mongo file, the admin key
 * @param repo             repository root holding {@code services/*}{@code /target/*.jar}
 * @param readinessTimeout how long each part may take to become ready
 */
public record StackConfig(Path home, Path repo, Ports ports, Duration readinessTimeout) {

    public static final String HOME = "RECONCRAFT_HOME";
    public static final String REPO = "RECONCRAFT_REPO";
    public static final String READY_TIMEOUT_SECONDS = "RECONCRAFT_READY_TIMEOUT_SECONDS";
    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(120);

    public StackConfig {
        home = home.toAbsolutePath().normalize();
        repo = repo.toAbsolutePath().normalize();
    }

    public static StackConfig fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }

    public static StackConfig fromEnvironment(Map<String, String> env, Path workingDir) {
        Path repo = Optional.ofNullable(env.get(REPO)).filter(v -> !v.isBlank()).map(Path::of)
                .or(() -> findRepo(workingDir))
                .or(StackConfig::repoOfThisJar)
                .orElseThrow(() -> new IllegalStateException(
                        "cannot find the ReconCraft repository (a folder with services/ and pom.xml) above "
                                + workingDir + "; run from inside it or set " + REPO));
        Path home = Optional.ofNullable(env.get(HOME)).filter(v -> !v.isBlank()).map(Path::of)
                .orElse(repo.resolve(".reconcraft"));
        return new StackConfig(home, repo, Ports.fromEnvironment(env), readinessTimeout(env));
    }

    public static StackConfig withFreePorts(Path home, Path repo) {
        return new StackConfig(home, repo, Ports.free(), DEFAULT_READINESS_TIMEOUT);
    }

    public StackConfig withReadinessTimeout(Duration timeout) {
        return new StackConfig(home, repo, ports, timeout);
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path logFile(String name) {
        return logs().resolve(name + ".log");
    }

    public Path kafkaHome() {
        return home.resolve("kafka");
    }

    public Path mongoFile() {
        return home.resolve("mongo").resolve("reconcraft.mv");
    }

    public Path brokerLib() {
        return repo.resolve("infra/kafka-broker/target/lib");
    }

    public Path brokerLog4jConfig() {
        return repo.resolve("infra/kafka-broker/config/log4j2.xml");
    }

    public Path serviceJar(ServiceName service) {
        return repo.resolve("services").resolve(service.id()).resolve("target").resolve(service.id() + ".jar");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + ports.mongo();
    }

    public static Optional<Path> findRepo(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("services")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    // Fallback when started from elsewhere: the jar lives in <repo>/infra/launcher/target.
    private static Optional<Path> repoOfThisJar() {
        try {
            Path location = Path.of(StackConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return findRepo(location);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Duration readinessTimeout(Map<String, String> env) {
        String value = env.get(READY_TIMEOUT_SECONDS);
        if (value == null || value.isBlank()) {
            return DEFAULT_READINESS_TIMEOUT;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(READY_TIMEOUT_SECONDS + " must be a number of seconds, got: " + value);
        }
    }
}
