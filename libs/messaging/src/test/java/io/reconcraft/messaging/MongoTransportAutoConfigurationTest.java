package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.connection.NettyTransportSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MongoTransportAutoConfigurationTest {

    // nothing listens there: the client only has to be built, never to connect
    private final int port = freePort();
    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoTransportAutoConfiguration.class,
                    MongoReactiveAutoConfiguration.class))
            .withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:" + port + "/reconcraft-test");

    @Test
    void givenAServiceOnTheReactiveDriver_whenItStarts_thenItsClientUsesTheOneLoopAndStillTheConfiguredUri() {
        contexts.run(context -> {
            EventLoopGroup loop = context.getBean(MongoTransportAutoConfiguration.MongoEventLoop.class).group();
            MongoClientSettings settings = context.getBean(MongoClientSettings.class);

            assertThat(settings.getTransportSettings()).isInstanceOfSatisfying(NettyTransportSettings.class,
                    netty -> assertThat(netty.getEventLoopGroup()).isSameAs(loop));
            assertThat(context.getBean(MongoClient.class).getClusterDescription().getClusterSettings().getHosts())
                    .containsExactly(new ServerAddress("127.0.0.1", port));
        });
    }

    @Test
    void givenAServiceOnTheReactiveDriver_whenItStarts_thenItsRepliesAreReadOnOneThreadPerTwoCores() {
        contexts.run(context -> {
            EventLoopGroup loop = context.getBean(MongoTransportAutoConfiguration.MongoEventLoop.class).group();

            assertThat(loop).isInstanceOfSatisfying(MultiThreadIoEventLoopGroup.class, group -> assertThat(
                    group.executorCount()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)));
        });
    }

    @Test
    void givenTwoCores_whenTheLoopIsSized_thenItHasOneThread_andFourOnEight() {
        assertThat(MongoTransportAutoConfiguration.loopThreads(2)).isEqualTo(1);
        assertThat(MongoTransportAutoConfiguration.loopThreads(1)).isEqualTo(1);
        assertThat(MongoTransportAutoConfiguration.loopThreads(8)).isEqualTo(4);
    }

    @Test
    void givenAServiceOnTheReactiveDriver_whenItsClientAsksForABuffer_thenItIsBackedByAnArray() {
        contexts.run(context -> {
            NettyTransportSettings netty = (NettyTransportSettings) context.getBean(MongoClientSettings.class)
                    .getTransportSettings();

            ByteBuf buffer = netty.getAllocator().buffer(1024, 1024);
            try {
                // the driver writes a string straight into the array of such a buffer, else byte by byte
                assertThat(buffer.hasArray()).isTrue();
            } finally {
                buffer.release();
            }
        });
    }

    @Test
    void givenARunningService_whenItsContextCloses_thenTheDriversLoopHasEnded() {
        EventLoopGroup[] loop = new EventLoopGroup[1];
        contexts.run(context -> loop[0] = context.getBean(MongoTransportAutoConfiguration.MongoEventLoop.class).group());

        assertThat(loop[0].isTerminated()).isTrue();
    }

    @Test
    void givenAServiceWithClientSettingsOfItsOwn_whenItStarts_thenBootsSetupIsLeftAlone() {
        contexts.withBean(MongoClientSettings.class, () -> MongoClientSettings.builder().build())
                .run(context -> assertThat(context).doesNotHaveBean(MongoTransportAutoConfiguration.MongoEventLoop.class)
                        .hasSingleBean(MongoClient.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
