package io.reconcraft.messaging;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Reactor Netty's event loops and connection pool owned by each application context. Boot's default shares the
 * JVM-wide global resources and disposes them when a context stops, under every other context of the JVM still
 * using them: in a test JVM with two gateway contexts, closing one cut the other's open streams and left its next
 * requests on terminated event loops (CI saw them wait 60 s for a response). A context stopping now takes only its
 * own loops and connections.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration")
@ConditionalOnClass(name = {"org.springframework.http.client.ReactorResourceFactory", "reactor.netty.http.HttpResources"})
public class ContextNettyResourcesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactorResourceFactory reactorResourceFactory(
            @Value("${spring.reactor.netty.shutdown-quiet-period:2s}") Duration shutdownQuietPeriod) {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setShutdownQuietPeriod(shutdownQuietPeriod);
        return resources;
    }
}
