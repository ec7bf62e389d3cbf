package io.reconcraft.gateway.store;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one owner of {@code run_step_details}: the logs and findings of the steps of wide runs' views, one document per
 * step, for {@link RunStore} alone. A view of more than {@link #IN_THE_VIEW_UP_TO} steps keeps them here: every write
 * of a step rewrote the whole view in the store, and a run of 1,000 scans held ~1.9 MB of logs and findings in a
 * 2 MB view that the read model wrote ~370 times (2026-12-06). A view of the usual few steps keeps them in its steps,
 * one write per batch. Written before the view that shows them (a batch that fails is applied again), read with it.
 */
@Component
@RequiredArgsConstructor
class RunStepDetails {

    /** The most steps a view keeps its steps' logs and findings in. */
    static final int IN_THE_VIEW_UP_TO = 32;
    static final String COLLECTION = "run_step_details";
    private static final String RUN_ID = "runId";
    private static final String LOGS = "logs";
    private static final String FINDINGS = "findings";

    private final ReactiveMongoTemplate mongo;

    static boolean keptApart(RunView view) {
        return view.steps().size() > IN_THE_VIEW_UP_TO;
    }

    Mono<String> createIndex() {
        return mongo.indexOps(COLLECTION).createIndex(new Index(RUN_ID, Sort.Direction.ASC));
    }

    /**
     * Takes the logs and findings out of the converted steps of {@code document} (the view of run {@code runId}, or
     * some of its steps: the one at position {@code p} is step {@code indexes.get(p)}) and returns the writes of the
     * details documents that keep them.
     */
    static List<WriteModel<Document>> takenOut(Document document, String runId, List<Integer> indexes) {
        List<?> steps = (List<?>) document.get("steps");
        List<WriteModel<Document>> writes = new ArrayList<>(steps.size());
        for (int p = 0; p < steps.size(); p++) {
            Document step = (Document) steps.get(p);
            String id = idOf(runId, indexes.get(p));
            Document details = new Document("_id", id).append(RUN_ID, runId)
                    .append(LOGS, step.remove(LOGS)).append(FINDINGS, step.remove(FINDINGS));
            writes.add(new ReplaceOneModel<>(new Document("_id", id), details, new ReplaceOptions().upsert(true)));
        }
        return writes;
    }

    Mono<Void> write(List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        return mongo.getCollection(COLLECTION)
                .flatMap(details -> Mono.from(details.bulkWrite(writes, new BulkWriteOptions().ordered(false))))
                .then();
    }

    /** The views with their steps' logs and findings filled in where they are kept here: one query for all of them. */
    Flux<RunView> filledIn(List<RunView> views) {
        List<String> apart = views.stream().filter(RunStepDetails::keptApart).map(RunView::id).toList();
        if (apart.isEmpty()) {
            return Flux.fromIterable(views);
        }
        return mongo.find(Query.query(Criteria.where(RUN_ID).in(apart)), Document.class, COLLECTION)
                .collectMap(details -> details.getString("_id"))
                .flatMapMany(found -> Flux.fromIterable(views)
                        .map(view -> keptApart(view) ? withDetails(view, found) : view));
    }

    Mono<Void> remove(String runId) {
        return mongo.remove(Query.query(Criteria.where(RUN_ID).is(runId)), COLLECTION).then();
    }

    /** A step without a details document (a view stored before they were kept apart) keeps what it holds. */
    private RunView withDetails(RunView view, Map<String, Document> found) {
        List<StepView> steps = new ArrayList<>(view.steps().size());
        for (int i = 0; i < view.steps().size(); i++) {
            StepView step = view.steps().get(i);
            Document details = found.get(idOf(view.id(), i));
            if (details == null) {
                steps.add(step);
                continue;
            }
            StepView read = mongo.getConverter().read(StepView.class,
                    new Document(LOGS, details.get(LOGS)).append(FINDINGS, details.get(FINDINGS)));
            steps.add(step.withDetails(read.logs(), read.findings()));
        }
        return view.withSteps(steps);
    }

    private static String idOf(String runId, int index) {
        return runId + "/" + index;
    }
}
