package io.reconcraft.gateway.workflow;

import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.store.WorkflowRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
@RequiredArgsConstructor
public class WorkflowService {

    private static final String COPY_SUFFIX = " (Copy)";

    private final WorkflowRepository workflows;
    private final WorkflowRules rules;
    private final Clock clock;

    public Flux<Workflow> list() {
        return workflows.findAll(Sort.by(Sort.Direction.DESC, "updatedAt"));
    }

    public Mono<Workflow> get(String id) {
        return workflows.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("workflow", id)));
    }

    public Mono<Workflow> create(WorkflowInput input) {
        return Mono.defer(() -> {
            rules.requireValid(input, "");
            Instant now = now();
            return workflows.insert(new Workflow(UUID.randomUUID().toString(), input.name().strip(),
                    input.authorizesTargets(), now, now, input.nodes(), input.edges()));
        });
    }

    public Mono<Workflow> update(String id, WorkflowInput input) {
        return get(id).flatMap(existing -> {
            WorkflowInput restored = WorkflowSecrets.restored(input, existing);
            rules.requireValid(restored, "");
            return workflows.save(new Workflow(id, restored.name().strip(), restored.authorizesTargets(),
                    existing.createdAt(), now(), restored.nodes(), restored.edges()));
        });
    }

    public Mono<Void> delete(String id) {
        return get(id).flatMap(workflows::delete);
    }

    public Mono<Workflow> duplicate(String id) {
        return get(id).flatMap(original -> {
            Instant now = now();
            return workflows.insert(new Workflow(UUID.randomUUID().toString(), original.name() + COPY_SUFFIX,
                    original.authorizedTargets(), now, now, original.nodes(), original.edges()));
        });
    }

    private Instant now() {
        // Mongo keeps milliseconds; answering with the stored precision keeps POST and GET identical.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
