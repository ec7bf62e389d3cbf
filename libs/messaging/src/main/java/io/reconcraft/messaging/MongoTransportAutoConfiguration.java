package io.reconcraft.messaging;

import com.mongodb.MongoClientSettings;
import com.mongodb.connection.TransportSettings;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.mongodb.autoconfigure.StandardMongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The reactive MongoDB driver on Netty, as Boot would set it up, but on an event loop that ends as soon as the client
 * is closed: Boot's own loop waits Netty's default quiet period of 2 s on every stop (measured: about a third of a
 * service's stop time, issue 14). Boot's settings bean and the customizer beside it are replaced as a pair.
 *
 * <p>The driver encodes each command into buffers of the transport's allocator, and writes a string into a buffer
 * without an array one byte at a time through Netty's checks (a profile of the local stack: 12 % of all its CPU);
 * into an array-backed buffer it writes the string straight into the array. So the allocator hands out heap buffers:
 * Netty copies each command once into a direct buffer to send it.
 *
 * <p>The loop has one thread per two cores: a service's few pooled connections need no more, and Netty's default
 * of two per core had the six services' MongoDB replies arrive on 16 threads of the local stack's two cores, each
 * reply waking one of them (bench/RESULTS.md 2026-12-05, eighth session).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration"})
@ConditionalOnClass(name = {"com.mongodb.reactivestreams.client.MongoClient", "io.netty.channel.nio.NioIoHandler"})
// the settings bean is shared with a synchronous client where one exists, and that driver has no Netty transport
@ConditionalOnMissingClass("com.mongodb.client.MongoClient")
// a service with settings of its own keeps Boot's whole setup
@ConditionalOnMissingBean(type = "com.mongodb.MongoClientSettings")
public class MongoTransportAutoConfiguration {

    /** Netty's default kind of allocator, preferring heap buffers (see above). */
    static final ByteBufAllocator HEAP_BUFFERS = new AdaptiveByteBufAllocator(false);

    @Bean
    MongoEventLoop mongoEventLoop() {
        return new MongoEventLoop(new MultiThreadIoEventLoopGroup(
                loopThreads(Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory()));
    }

    static int loopThreads(int cores) {
        return Math.max(1, cores / 2);
    }

    /** With these settings Boot neither creates its own loop nor its customizer for the connection: see below. */
    @Bean
    MongoClientSettings mongoClientSettings(MongoEventLoop loop) {
        return MongoClientSettings.builder()
                .transportSettings(TransportSettings.nettyBuilder().eventLoopGroup(loop.group())
                        .allocator(HEAP_BUFFERS).build())
                .build();
    }

    /** What Boot declares beside its own settings bean: {@code spring.mongodb.*} (URI, UUID representation, SSL). */
    @Bean
    StandardMongoClientSettingsBuilderCustomizer standardMongoSettingsCustomizer(MongoProperties properties,
                                                                                MongoConnectionDetails connectionDetails) {
        return new StandardMongoClientSettingsBuilderCustomizer(connectionDetails,
                properties.getRepresentation().getUuid());
    }

    /** Destroyed after the client that uses it (the client depends on the settings, the settings on this). */
    static final class MongoEventLoop implements DisposableBean {

        private final EventLoopGroup group;

        MongoEventLoop(EventLoopGroup group) {
            this.group = group;
        }

        EventLoopGroup group() {
            return group;
        }

        @Override
        public void destroy() {
            // no quiet period: the client is closed, so nothing submits work any more; queued tasks still run
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
