package io.reconcraft.gateway;

import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Stands in for the findings service's internal HTTP API (a separate service): canned answers on loopback, and the
 * last triage body it was sent, so a test can see what the gateway forwarded.
 */
final class StubFindingsService {

    static final String FINDING = "{\"id\":\"fnd-1\",\"severity\":\"low\",\"state\":\"open\",\"triage\":\"untriaged\"}";
    static final String REPORTS = "[{\"id\":\"rep-1\",\"runId\":\"run-1\",\"format\":\"html\",\"fileName\":\"report.html\","
            + "\"contentType\":\"text/html; charset=utf-8\",\"size\":17}]";
    static final String HTML = "<html>report</html>";

    final AtomicReference<String> lastTriage = new AtomicReference<>();
    private String url;

    static StubFindingsService start() {
        StubFindingsService stub = new StubFindingsService();
        stub.url = LoopbackHttpStub.serve(stub::routes);
        return stub;
    }

    private void routes(HttpServerRoutes routes) {
        routes.get("/findings", (request, response) -> response.header("Content-Type", "application/json")
                        .header("X-Total-Count", "1").sendString(Mono.just("[" + FINDING + "]")).then())
                .get("/findings/{id}", (request, response) -> "fnd-1".equals(request.param("id"))
                        ? response.header("Content-Type", "application/json").sendString(Mono.just(FINDING)).then()
                        : notFound(response))
                .route(request -> "PATCH".equals(request.method().name())
                        && request.uri().startsWith("/findings/"), (request, response) -> request.receive().aggregate().asString()
                        .doOnNext(lastTriage::set)
                        .then(response.header("Content-Type", "application/json").sendString(Mono.just(FINDING))
                                .then()))
                .get("/runs/{id}/diff", (request, response) -> response.header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"runId\":\"" + request.param("id")
                                + "\",\"new\":[],\"reopened\":[],\"unchanged\":[],\"resolved\":[]}")).then())
                .get("/runs/{id}/reports", (request, response) -> response.header("Content-Type", "application/json")
                        .sendString(Mono.just(REPORTS)).then())
                .post("/runs/{id}/reports", (request, response) -> request.receive().then(response.status(202)
                        .header("Content-Type", "application/json").sendString(Mono.just(REPORTS)).then()))
                .get("/reports/{id}/download", (request, response) -> "rep-1".equals(request.param("id"))
                        ? response.header("Content-Type", "text/html; charset=utf-8")
                                .header("Content-Disposition", "attachment; filename=\"report.html\"")
                                .sendString(Mono.just(HTML)).then()
                        : notFound(response));
    }

    private static org.reactivestreams.Publisher<Void> notFound(reactor.netty.http.server.HttpServerResponse response) {
        return response.status(404).header("Content-Type", "application/problem+json")
                .sendString(Mono.just("{\"status\":404,\"detail\":\"no such id\"}")).then();
    }

    String url() {
        return url;
    }
}
