package io.reconcraft.gateway.stream;

import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.run.RunQueries;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Server-sent events: one run's run/step/log/finding events, resumable by id, and every run's status changes. */
@RestController
@RequiredArgsConstructor
public class RunEventsController {

    public static final String RUN_EVENTS_PATH = "/api/runs/{id}/events";
    public static final String ALL_EVENTS_PATH = "/api/events";
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final RunQueries runs;
    private final RunEventStream stream;
    private final SseProperties properties;

    @GetMapping(path = RUN_EVENTS_PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> runEvents(@PathVariable String id,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
        return Mono.defer(() -> {
            long lastSeen = lastSeen(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
            return runs.exists(id).map(exists -> {
                if (!exists) {
                    throw ApiException.notFound("run", id);
                }
                return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                        .body(withHeartbeats(stream.of(id, lastSeen).map(RunEventsController::toSse)));
            });
        });
    }

    @GetMapping(path = ALL_EVENTS_PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<String>> allEvents() {
        return withHeartbeats(stream.allRuns().map(event -> ServerSentEvent.builder(event.data())
                .id(event.runId() + ":" + event.seq()).event(event.type()).build()));
    }

    private Flux<ServerSentEvent<String>> withHeartbeats(Flux<ServerSentEvent<String>> events) {
        Sinks.Empty<Void> done = Sinks.empty();
        Flux<ServerSentEvent<String>> ending = events
                .onErrorResume(SlowClientException.class, slow -> Mono.just(ServerSentEvent.<String>builder()
                        .event("error").data("{\"reason\":\"" + slow.getMessage() + "\"}").build()))
                .doFinally(signal -> done.tryEmitEmpty());
        Flux<ServerSentEvent<String>> heartbeats = Flux.interval(properties.heartbeat())
                .map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build())
                .onBackpressureDrop()
                .takeUntilOther(done.asMono());
        return Flux.merge(ending, heartbeats);
    }

    private static ServerSentEvent<String> toSse(RunEvent event) {
        return ServerSentEvent.builder(event.data()).id(Long.toString(event.seq())).event(event.type()).build();
    }

    private static long lastSeen(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(lastEventId.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("Last-Event-ID", "must be the id of an event of this run (a whole number >= 0)");
    }
}
