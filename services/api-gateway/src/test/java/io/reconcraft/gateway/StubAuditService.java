package io.reconcraft.gateway;

import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Stands in for the audit service's internal HTTP API (a separate service, not Kafka or MongoDB): canned answers
 * on loopback, or none at all when {@link #silent} is set.
 */
final class StubAuditService {

    /** One record that carries the query the stub was asked, so a test can see what the gateway forwarded. */
    static String records(String uri) {
        return "[{\"eventId\":\"e-1\",\"type\":\"ApiCallAudited\",\"query\":\"" + uri + "\"}]";
    }
    /** An intact chain of one record, and the query the stub was asked. */
    static String verified(String uri) {
        return "{\"valid\":true,\"checked\":1,\"query\":\"" + uri + "\"}";
    }
    /** The service credential the real audit service demands; anything else is answered 401, as it does. */
    static final String SERVICE_TOKEN = "test-audit-service-credential";

    volatile boolean silent;
    /** How long /audit/verify takes to answer, as the audit service's first check after its start does. */
    volatile Duration verifyTakes = Duration.ZERO;
    private String url;

    static StubAuditService start() {
        StubAuditService stub = new StubAuditService();
        stub.url = LoopbackHttpStub.serve(stub::routes);
        return stub;
    }

    private void routes(HttpServerRoutes routes) {
        routes.get("/audit/events", (request, response) -> !authorized(request) ? response.status(401).send()
                        : silent ? Mono.never()
                        : request.uri().contains("limit=oops")
                        ? response.status(400).header("Content-Type", "application/problem+json")
                                .sendString(Mono.just("{\"status\":400,\"detail\":\"limit must be a whole number\"}")).then()
                        : response.header("Content-Type", "application/json").header("X-Total-Count", "42")
                                .sendString(Mono.just(records(request.uri()))).then())
                .get("/audit/verify", (request, response) -> !authorized(request) ? response.status(401).send()
                        : silent ? Mono.never()
                        : response.header("Content-Type", "application/json")
                                .sendString(Mono.just(verified(request.uri())).delayElement(verifyTakes)).then());
    }

    private static boolean authorized(HttpServerRequest request) {
        return SERVICE_TOKEN.equals(request.requestHeaders().get("X-Reconcraft-Service-Token"));
    }

    String url() {
        return url;
    }
}
