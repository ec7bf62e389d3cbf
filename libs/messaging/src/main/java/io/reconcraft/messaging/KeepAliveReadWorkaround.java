package io.reconcraft.messaging;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps HTTP/1.1 keep-alive connections of our servers reading. Reactor Netty 1.3.6 (and 1.3.7) queue a request
 * that arrives before the previous exchange on its connection has ended, and when that queued request is answered at
 * once (a 401, say) the connection is never read again: the client's next request on it waits forever
 * (reactor-netty#4347, #4361, fixed after the versions served here). Its switch {@value #PROPERTY} ends the previous
 * exchange when the next request arrives instead of queueing it. Reactor Netty reads the switch once per JVM, when
 * its first HTTP server starts, so it is set before any application context is built; a value set explicitly wins.
 * Remove once a Reactor Netty with the fix is in use (KeepAliveAfterLateTerminationTest shows the case).
 */
public class KeepAliveReadWorkaround implements EnvironmentPostProcessor {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        apply();
    }

    /** For code that starts a Reactor Netty server outside a Spring application (test stubs). */
    public static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
