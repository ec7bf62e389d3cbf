package io.reconcraft.launcher.kafka;

import io.reconcraft.launcher.process.TcpPort;
import io.reconcraft.launcher.stack.StackConfig;
import io.reconcraft.launcher.stack.StackException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The same single-node KRaft broker as {@link KafkaBroker}, but inside this JVM, in a class loader of its own
 * over infra/kafka-broker/target/lib (its Scala, Jackson 2 and log4j stay apart from everything else).
 * Storage is formatted by {@link KafkaBroker} beforehand, in a child JVM, once.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class InProcessKafka implements AutoCloseable {

    private final StackConfig config;
    private URLClassLoader loader;
    private Object server;

    void start(Path serverProperties) throws IOException, InterruptedException {
        Path log4j = writeLog4jConfig();
        // read by the broker's log4j-core only: the services log through their own Logback
        System.setProperty("log4j2.configurationFile", log4j.toString());
        loader = new URLClassLoader("kafka", classpath(), ClassLoader.getPlatformClassLoader());
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(serverProperties)) {
                properties.load(in);
            }
            Class<?> kafkaConfig = loader.loadClass("kafka.server.KafkaConfig");
            java.lang.reflect.Method fromProps = Stream.of(kafkaConfig.getMethods())
                    .filter(m -> m.getName().equals("fromProps") && m.getParameterCount() == 1
                            && m.getParameterTypes()[0].isAssignableFrom(Properties.class))
                    .findFirst().orElseThrow(() -> new NoSuchMethodException("KafkaConfig.fromProps"));
            Object brokerConfig = fromProps.invoke(null, properties);
            Class<?> time = loader.loadClass("org.apache.kafka.common.utils.Time");
            Object systemTime = time.getField("SYSTEM").get(null);
            server = loader.loadClass("kafka.server.KafkaRaftServer").getConstructor(kafkaConfig, time)
                    .newInstance(brokerConfig, systemTime);
            server.getClass().getMethod("startup").invoke(server);
        } catch (InvocationTargetException e) {
            throw new StackException("Kafka failed to start in this JVM: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new StackException("Kafka failed to start in this JVM: " + e, e);
        } finally {
            current.setContextClassLoader(previous);
        }
        if (!TcpPort.awaitOpen(config.ports().kafka(), config.readinessTimeout(), () -> true)) {
            throw new StackException("Kafka did not open port " + config.ports().kafka() + " within "
                    + config.readinessTimeout().toSeconds() + " s; see " + config.logFile("kafka"));
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.getClass().getMethod("shutdown").invoke(server);
                server.getClass().getMethod("awaitShutdown").invoke(server);
            } catch (ReflectiveOperationException e) {
                System.err.println("warning: stopping Kafka failed: " + e.getCause());
            }
            server = null;
        }
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // the jars stay open until the JVM ends; nothing else to release
            }
        }
    }

    private URL[] classpath() throws IOException {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(config.brokerLib())) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    // the child broker logs to stdout, which the launcher redirects; in this JVM it writes the file itself
    private Path writeLog4jConfig() throws IOException {
        Path file = config.kafkaHome().resolve("log4j2-in-process.xml");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <File name="file" fileName="%s" append="true">
                      <PatternLayout pattern="%%d{ISO8601} %%-5p [%%c{1}] %%m%%n"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    <Root level="WARN">
                      <AppenderRef ref="file"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """.formatted(config.logFile("kafka").toString().replace("&", "&amp;").replace("<", "&lt;")
                        .replace("\"", "&quot;"));
        Files.createDirectories(file.getParent());
        Files.createDirectories(config.logs());
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }
}
