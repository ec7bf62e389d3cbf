package io.reconcraft.gateway.run;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the run read model. */
@Service
public class RunQueries {

    public static final int MAX_PAGE = 500;

    private final ReactiveMongoTemplate mongo;

    public RunQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<RunView> get(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        RunView.INTERNAL_FIELDS.forEach(query.fields()::exclude);
        return mongo.findOne(query, RunView.class)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("run", id)))
                .flatMap(run -> run.status() == RunStatus.QUEUED ? withQueuePosition(run) : Mono.just(run));
    }

    /**
     * A queued run's place in its admission group's queue: runs of the same group accepted before it and not yet
     * admitted, plus one. The orchestrator admits each group's runs in the order they were accepted.
     */
    private Mono<RunView> withQueuePosition(RunView run) {
        if (run.admissionGroup() == null || run.startedAt() == null) {
            return Mono.just(run);
        }
        Query ahead = Query.query(Criteria.where("status").is(RunStatus.QUEUED).and("admissionGroup")
                .is(run.admissionGroup()).and("startedAt").lt(run.startedAt()));
        return mongo.count(ahead, RunView.class).map(count -> run.withQueuePosition((int) (count + 1)));
    }

    public Mono<Boolean> exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), RunView.class);
    }

    public Flux<RunView> list(RunFilter filter, int limit, int offset) {
        Query query = filter.toQuery().with(Sort.by(Sort.Direction.DESC, "startedAt", "_id"))
                .skip(offset).limit(limit);
        RunView.INTERNAL_FIELDS.forEach(query.fields()::exclude);
        return mongo.find(query, RunView.class);
    }

    public Mono<Long> count(RunFilter filter) {
        return mongo.count(filter.toQuery(), RunView.class);
    }

    public Mono<RunLogs> logs(String id, int offset, int limit) {
        return get(id).map(run -> {
            List<String> lines = new ArrayList<>();
            for (StepView step : run.steps()) {
                step.logs().forEach(line -> lines.add("[" + step.name() + "] " + line));
            }
            int from = Math.min(offset, lines.size());
            int to = (int) Math.min((long) from + limit, lines.size());
            return new RunLogs(List.copyOf(lines.subList(from, to)), to < lines.size());
        });
    }

    /** Optional filters of GET /api/runs. */
    public record RunFilter(String workflowId, RunStatus status) {

        Query toQuery() {
            Criteria criteria = new Criteria();
            if (workflowId != null && !workflowId.isBlank()) {
                criteria = criteria.and("workflowId").is(workflowId);
            }
            if (status != null) {
                criteria = criteria.and("status").is(status);
            }
            return Query.query(criteria);
        }
    }
}
