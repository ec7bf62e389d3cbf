package io.reconcraft.gateway;

import io.reconcraft.messaging.KeepAliveReadWorkaround;
import java.time.Duration;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Stands in for the audit service's internal HTTP API (a separate service, not Kafka or MongoDB): canned answers
 * on loopback, or none at all when {@link #silent} is set.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class StubAuditService {

    /** One record that carries the query the stub was asked, so a test can see what the gateway forwarded. */
    static String records(String uri) {
        return "[{\"eventId\":\"e-1\",\"type\":\"ApiCallAudited\",\"query\":\"" + uri + "\"}]";
    }
    static final String VERIFIED = "{\"valid\":true,\"checked\":1}";
    /** The service credential the real audit service demands; anything else is answered 401, as it does. */
    static final String SERVICE_TOKEN = "test-audit-service-credential";

    volatile boolean silent;
    private final DisposableServer server;

    static StubAuditService start() {
        KeepAliveReadWorkaround.apply(); // the first server of the test JVM fixes Reactor Netty's switch for all
        StubAuditService[] self = new StubAuditService[1];
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/audit/events", (request, response) -> !authorized(request) ? response.status(401).send()
                                : self[0].silent ? Mono.never()
                                : request.uri().contains("limit=oops")
                                ? response.status(400).header("Content-Type", "application/problem+json")
                                        .sendString(Mono.just("{\"status\":400,\"detail\":\"limit must be a whole number\"}")).then()
                                : response.header("Content-Type", "application/json").header("X-Total-Count", "42")
                                        .sendString(Mono.just(records(request.uri()))).then())
                        .get("/audit/verify", (request, response) -> !authorized(request) ? response.status(401).send()
                                : self[0].silent ? Mono.never()
                                : response.header("Content-Type", "application/json")
                                        .sendString(Mono.just(VERIFIED)).then()))
                .bindNow(Duration.ofSeconds(10));
        self[0] = new StubAuditService(server);
        Runtime.getRuntime().addShutdownHook(new Thread(server::disposeNow));
        return self[0];
    }

    private static boolean authorized(HttpServerRequest request) {
        return SERVICE_TOKEN.equals(request.requestHeaders().get("X-Reconcraft-Service-Token"));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }
}
