package io.reconcraft.gateway;

import java.time.Duration;
import java.util.function.Consumer;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/** Another service's HTTP API, stood in for on loopback: started once per test JVM and stopped when it exits. */
final class LoopbackHttpStub {

    private LoopbackHttpStub() {
    }

    /** Serves {@code routes} on a free loopback port; returns the base URL to give the gateway. */
    static String serve(Consumer<? super HttpServerRoutes> routes) {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).route(routes)
                .bindNow(Duration.ofSeconds(10));
        Runtime.getRuntime().addShutdownHook(new Thread(server::disposeNow));
        return "http://127.0.0.1:" + server.port();
    }
}
