package io.reconcraft.gateway.targets;

import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.error.FieldProblem;
import io.reconcraft.gateway.store.TargetRepository;
import io.reconcraft.workflow.InvalidTargetException;
import io.reconcraft.workflow.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The authorized target list: what live runs may touch. */
@Service
@RequiredArgsConstructor
public class TargetService {

    private static final int MAX_TAGS = 20;

    private final TargetRepository targets;
    private final Clock clock;
    private final AuthorizedTargetsPublisher allowList;

    public Flux<AuthorizedTarget> list() {
        return targets.findAll(Sort.by("createdAt", "value"));
    }

    /** The authorized values at this moment, frozen into a run's scope snapshot. */
    public Mono<AuthorizedScope> currentScope() {
        return targets.findAll().map(AuthorizedTarget::value).collectList().map(AuthorizedScope::new);
    }

    public Mono<AuthorizedTarget> add(TargetInput input) {
        return Mono.defer(() -> {
            String value = parse(input.value(), "value");
            List<String> tags = tags(input.tags());
            return targets.insert(new AuthorizedTarget(UUID.randomUUID().toString(), value, tags, now()))
                    .onErrorMap(DuplicateKeyException.class,
                            e -> ApiException.conflict("target '" + value + "' is already authorized"))
                    .doOnSuccess(stored -> allowList.changed());
        });
    }

    /** All or nothing: one bad entry and nothing is stored; values already present are returned, not duplicated. */
    public Flux<AuthorizedTarget> addAll(BulkTargetInput input) {
        return Flux.defer(() -> {
            if (input.targets() == null || input.targets().isEmpty()) {
                throw ApiException.invalid("targets", "at least one target is required");
            }
            Set<String> values = new LinkedHashSet<>();
            List<FieldProblem> problems = new ArrayList<>();
            for (int i = 0; i < input.targets().size(); i++) {
                try {
                    values.add(Target.parse(input.targets().get(i)).value());
                } catch (InvalidTargetException e) {
                    problems.add(new FieldProblem("targets[" + i + "]", e.getMessage()));
                }
            }
            if (!problems.isEmpty()) {
                throw ApiException.invalid(problems.size() + " target(s) are not valid; nothing was stored", problems);
            }
            List<String> tags = tags(input.tags());
            return targets.findByValueIn(values).collectMap(AuthorizedTarget::value, Function.identity())
                    .flatMapMany(existing -> storeMissing(values, existing, tags))
                    .doOnComplete(allowList::changed);
        });
    }

    public Mono<Void> delete(String id) {
        return targets.findById(id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("target", id)))
                .flatMap(targets::delete)
                .doOnSuccess(done -> allowList.changed());
    }

    private Flux<AuthorizedTarget> storeMissing(Set<String> values, Map<String, AuthorizedTarget> existing,
            List<String> tags) {
        Instant now = now();
        List<AuthorizedTarget> missing = values.stream().filter(v -> !existing.containsKey(v))
                .map(v -> new AuthorizedTarget(UUID.randomUUID().toString(), v, tags, now))
                .toList();
        Flux<AuthorizedTarget> inserted = missing.isEmpty() ? Flux.empty() : targets.insert(missing);
        return inserted.collectMap(AuthorizedTarget::value, Function.identity())
                .flatMapMany(stored -> Flux.fromIterable(values)
                        .map(v -> existing.containsKey(v) ? existing.get(v) : stored.get(v)));
    }

    private static String parse(String value, String field) {
        try {
            return Target.parse(value).value();
        } catch (InvalidTargetException e) {
            throw ApiException.invalid(field, e.getMessage());
        }
    }

    private static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.invalid("tags", "at most " + MAX_TAGS + " tags");
        }
        return tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip)
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
