package io.reconcraft.gateway.store;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import io.reconcraft.messaging.DuplicateKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one owner of the {@code runs} collection (the read model of runs, {@link RunView}): the launcher inserts a
 * queued view, the read model replaces views as events arrive, and the API, the scheduler, the dashboard and the
 * SSE stream read them here. Writes return what was written. The views it wrote last (the most recent runs'; a
 * run's findings are sorted after it ended), as the store keeps them, are kept in memory for the read model
 * ({@link #findAsLastWritten}), which would otherwise read each back before applying the run's next events, and for
 * the API's reads of a run whose view the read model here wrote ({@link #findShown}: a client following a run reads
 * it many times). The logs and findings of a wide run's steps are kept apart from its view ({@link RunStepDetails}).
 */
@Component
@RequiredArgsConstructor
public class RunStore implements InitializingBean {

    /**
     * The steps of the runs the read model finds without a query (about 4,000 three-node runs, ~10 MB); the least
     * recently written beyond it are read from the store.
     */
    private static final long REMEMBERED_STEPS = 16_384;

    private final ReactiveMongoTemplate mongo;
    private final ReadPartitions readPartitions;
    private final RunStepDetails details;
    private final WrittenRunViews written = new WrittenRunViews(REMEMBERED_STEPS);

    /** The indexes the reads below rely on. */
    @Override
    public void afterPropertiesSet() {
        Mono.when(
                mongo.indexOps(RunView.class).createIndex(new Index("startedAt", Sort.Direction.DESC)),
                mongo.indexOps(RunView.class).createIndex(new Index("workflowId", Sort.Direction.ASC)),
                // the dashboard's counts by status and the queue positions of queued runs
                mongo.indexOps(RunView.class).createIndex(new Index("status", Sort.Direction.ASC)),
                details.createIndex())
                .block(Duration.ofSeconds(30));
    }

    /** Inserts a new view; a view already stored under the same id (a derived run id) is returned instead. */
    public Mono<RunView> insertOnce(RunView view) {
        return Mono.defer(() -> {
            Document document = documentOf(view);
            return mongo.getCollection(mongo.getCollectionName(RunView.class))
                    .flatMap(runs -> Mono.from(runs.insertMany(List.of(document))))
                    .doOnNext(inserted -> written.rememberInserted(view.atStoredPrecision(),
                            () -> readPartitions.readsRunOf(view.id())))
                    .thenReturn(view);
        }).onErrorResume(DuplicateKeys::only, duplicate -> find(view.id()).switchIfEmpty(Mono.error(duplicate)));
    }

    /**
     * Writes each view over its stored document in one bulk write (a view removed meanwhile stays removed): the fields
     * the read model changes and only the steps that changed, each at its place in the stored list — a run of 1,000
     * steps costs a step's worth per event, not the whole document (0.9 MB, 2026-12-05) — or the whole document when
     * its list of steps changed. The views. Only the read model writes here, for the partitions it reads: what it
     * wrote is current (see {@link #findShown}), and the stored list is the one its views were read from.
     */
    public Mono<List<RunView>> writeAll(List<RunViewChange> changes) {
        if (changes.isEmpty()) {
            return Mono.just(List.of());
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
        List<WriteModel<Document>> detailWrites = new ArrayList<>();
        for (RunViewChange change : changes) {
            writes.add(change.isWhole() ? replacement(change.view(), detailWrites)
                    : changedParts(change, detailWrites));
        }
        List<RunView> views = changes.stream().map(RunViewChange::view).toList();
        List<String> ids = views.stream().map(RunView::id).toList();
        return details.write(detailWrites)
                .then(mongo.getCollection(mongo.getCollectionName(RunView.class)))
                .flatMap(runs -> Mono.from(runs.bulkWrite(writes)))
                // whether any of them was written is unknown: the next read asks the store
                .doOnError(failure -> written.forget(ids))
                .doOnCancel(() -> written.forget(ids))
                .doOnSuccess(result -> {
                    if (result.getMatchedCount() == views.size()) {
                        views.forEach(view -> written.rememberCurrent(view.atStoredPrecision()));
                    } else {
                        written.forget(ids); // one was removed meanwhile: the store says which
                    }
                })
                .thenReturn(views);
    }

    /** The whole view; a wide view's logs and findings go to {@code detailWrites}. */
    private WriteModel<Document> replacement(RunView view, List<WriteModel<Document>> detailWrites) {
        Document document = documentOf(view);
        if (RunStepDetails.keptApart(view)) {
            detailWrites.addAll(RunStepDetails.takenOut(document, view.id(), allStepsOf(view)));
        }
        // the converted id: Spring stores an id that reads as an ObjectId as one
        return new ReplaceOneModel<>(new Document("_id", document.get("_id")), document, new ReplaceOptions());
    }

    /**
     * The fields the read model changes and the changed steps, converted as the whole view's document would hold them
     * (the view is converted with those steps only); a field the view leaves empty is removed, as the whole document
     * would leave it out. A wide view's logs and findings of those steps go to {@code detailWrites}.
     */
    private WriteModel<Document> changedParts(RunViewChange change, List<WriteModel<Document>> detailWrites) {
        List<StepView> steps = change.changedSteps().stream().map(index -> change.view().steps().get(index)).toList();
        Document parts = documentOf(change.view().withSteps(steps));
        if (RunStepDetails.keptApart(change.view())) {
            detailWrites.addAll(RunStepDetails.takenOut(parts, change.view().id(), change.changedSteps()));
        }
        Document set = new Document();
        Document unset = new Document();
        for (String field : RunView.READ_MODEL_FIELDS) {
            if (parts.get(field) == null) {
                unset.put(field, "");
            } else {
                set.put(field, parts.get(field));
            }
        }
        List<?> converted = (List<?>) parts.get("steps");
        for (int i = 0; i < steps.size(); i++) {
            set.put("steps." + change.changedSteps().get(i), converted.get(i));
        }
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        return new UpdateOneModel<>(new Document("_id", parts.get("_id")), update);
    }

    /**
     * The views of these runs as this instance last wrote them where it still holds them, the others as stored.
     * Only for the writer of these runs (the read model, for the partitions it reads): a view another instance
     * replaced since is not seen here, see {@link #forgetWritten}.
     */
    public Flux<RunView> findAsLastWritten(Collection<String> ids) {
        List<String> unknown = new ArrayList<>();
        Collection<RunView> remembered = held(ids, written::view, unknown).values();
        return unknown.isEmpty() ? Flux.fromIterable(remembered)
                : Flux.fromIterable(remembered).concatWith(findAll(unknown));
    }

    /** Drops every remembered document: the runs this instance writes change when its partitions do. */
    public void forgetWritten() {
        written.forgetAll();
    }

    /** Removes the view; the view removed, empty when there was none. */
    public Mono<RunView> remove(RunView view) {
        written.forget(List.of(view.id()));
        return mongo.remove(view).filter(result -> result.getDeletedCount() > 0)
                .flatMap(result -> details.remove(view.id()).thenReturn(view));
    }

    /** The whole stored view, internal fields included. */
    public Mono<RunView> find(String id) {
        return views(Query.query(Criteria.where("_id").is(id))).next();
    }

    public Flux<RunView> findAll(Collection<String> ids) {
        return views(Query.query(Criteria.where("_id").in(ids)));
    }

    /** The views the query finds, in its order, with their steps' logs and findings kept apart filled in. */
    private Flux<RunView> views(Query query) {
        return mongo.find(query, RunView.class).collectList().flatMapMany(details::filledIn);
    }

    private static List<Integer> allStepsOf(RunView view) {
        return IntStream.range(0, view.steps().size()).boxed().toList();
    }

    /**
     * The view as the API shows it (the read model's internal fields are not shown): as the read model here last
     * wrote it while it is current (see {@link WrittenRunViews}), else as stored, without those fields.
     */
    public Mono<RunView> findShown(String id) {
        RunView current = written.currentView(id);
        if (current != null) {
            return Mono.just(current);
        }
        return views(shownOnly(Query.query(Criteria.where("_id").is(id)))).next();
    }

    /**
     * Shown views, newest first, optionally of one workflow and/or status: the page's ids from the store, each view
     * as {@link #findShown} shows it — the current ones held here without decoding them again (a page of 50 recent
     * runs is ~260 KB of documents), the others read in one query.
     */
    public Flux<RunView> list(String workflowId, RunStatus status, int limit, int offset) {
        Query page = filter(workflowId, status).with(Sort.by(Sort.Direction.DESC, "startedAt", "_id"))
                .skip(offset).limit(limit);
        page.fields().include("_id");
        return mongo.find(page, Document.class, mongo.getCollectionName(RunView.class))
                .map(document -> String.valueOf(document.get("_id")))
                .collectList()
                .flatMapMany(this::shownInOrder);
    }

    /** The shown views of these runs in this order; a run removed meanwhile is left out. */
    private Flux<RunView> shownInOrder(List<String> ids) {
        List<String> unknown = new ArrayList<>();
        Map<String, RunView> shown = held(ids, written::currentView, unknown);
        Mono<Map<String, RunView>> stored = unknown.isEmpty() ? Mono.just(Map.of())
                : views(shownOnly(Query.query(Criteria.where("_id").in(unknown)))).collectMap(RunView::id);
        return stored.flatMapIterable(found -> {
            shown.putAll(found);
            return ids.stream().map(shown::get).filter(Objects::nonNull).toList();
        });
    }

    /**
     * The views {@code lookup} holds, by id in the order of {@code ids}; the ids it has no view of go to
     * {@code unknown}.
     */
    private static Map<String, RunView> held(Collection<String> ids, Function<String, RunView> lookup,
            List<String> unknown) {
        Map<String, RunView> held = new LinkedHashMap<>();
        for (String id : ids) {
            RunView view = lookup.apply(id);
            if (view == null) {
                unknown.add(id);
            } else {
                held.put(id, view);
            }
        }
        return held;
    }

    private static Query shownOnly(Query query) {
        RunView.INTERNAL_FIELDS.forEach(query.fields()::exclude);
        return query;
    }

    /** How many runs {@link #list} would find without a page; both null counts every run. */
    public Mono<Long> count(String workflowId, RunStatus status) {
        return mongo.count(filter(workflowId, status), RunView.class);
    }

    /** Queued runs of the admission group accepted before {@code startedAt}. */
    public Mono<Long> countQueuedBefore(String admissionGroup, Instant startedAt) {
        Query ahead = Query.query(Criteria.where("status").is(RunStatus.QUEUED).and("admissionGroup")
                .is(admissionGroup).and("startedAt").lt(startedAt));
        return mongo.count(ahead, RunView.class);
    }

    /** The ids of the admission group's queued runs, first accepted first. */
    public Flux<String> queuedInOrder(String admissionGroup) {
        Query queue = Query.query(Criteria.where("status").is(RunStatus.QUEUED).and("admissionGroup").is(admissionGroup))
                .with(Sort.by(Sort.Direction.ASC, "startedAt", "_id"));
        queue.fields().include("_id");
        return mongo.find(queue, Document.class, mongo.getCollectionName(RunView.class))
                .map(document -> String.valueOf(document.get("_id")));
    }

    /** Whether the run is stored; a run whose current view is held here needs no query (see {@link #findShown}). */
    public Mono<Boolean> exists(String id) {
        if (written.currentView(id) != null) {
            return Mono.just(true);
        }
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), RunView.class);
    }

    /**
     * Whether the run has ended and the number of its last event as its view holds it (empty when there is no such
     * run); from the current view when it is held here, as {@link #exists}.
     */
    public Mono<RunProgress> progress(String id) {
        RunView current = written.currentView(id);
        if (current != null) {
            return Mono.just(RunProgress.of(current.status(), current.eventSeq()));
        }
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("status").include("eventSeq");
        return mongo.findOne(query, StatusOnly.class, mongo.getCollectionName(RunView.class))
                .map(run -> RunProgress.of(run.status(), run.eventSeq()));
    }

    private Document documentOf(RunView view) {
        Document document = new Document();
        mongo.getConverter().write(view, document);
        return document;
    }

    private static Query filter(String workflowId, RunStatus status) {
        Criteria criteria = new Criteria();
        if (workflowId != null && !workflowId.isBlank()) {
            criteria = criteria.and("workflowId").is(workflowId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return Query.query(criteria);
    }

    private record StatusOnly(@Id String id, RunStatus status, Long eventSeq) {
    }
}
