package io.reconcraft.orchestrator.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one owner of {@code task_results}: the findings and outputs of the tasks of runs that keep them apart from the
 * run document ({@link TaskRef#resultKeptApart}), one document per ended attempt. A result is stored before the
 * update of the run that refers to it by {@code resultId}: once a task reads as ended, its result is there. Each
 * result gets an id of its own, so a result whose run update lost (a duplicate, or a timeout decided first) is never
 * referred to and is removed again. The results this instance wrote or read lately are kept in memory, and a run read
 * has its tasks' results filled in ({@link #withResults}): the engine reads them as it reads a run keeping them in
 * its tasks.
 */
@Component
@RequiredArgsConstructor
public class TaskResultStore implements InitializingBean {

    public static final String COLLECTION = "task_results";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** About 8,000 results of the demo's scans (~2 KB of JSON each). */
    private static final long REMEMBERED_CHARS = 16_000_000;
    private static final String RUN_ID = "runId";
    private static final String FINDINGS = "findingsJson";
    private static final String OUTPUTS = "outputsJson";

    private final ReactiveMongoTemplate mongo;
    private final LinkedHashMap<String, Kept> remembered = new LinkedHashMap<>(256, 0.75f, true);
    private long rememberedChars;

    private record Kept(String findingsJson, String outputsJson) {

        long chars() {
            return findingsJson.length() + outputsJson.length();
        }
    }

    /** The index {@link #withResults} reads a run's results by. */
    @Override
    public void afterPropertiesSet() {
        mongo.getCollection(COLLECTION)
                .flatMap(results -> Mono.from(results.createIndex(Indexes.ascending(RUN_ID), new IndexOptions())))
                .block(TIMEOUT);
    }

    /**
     * Stores the results of the tasks that keep theirs apart, in one insert, and returns their ids, aligned with
     * {@code tasks}: null for a task that keeps its result in the run.
     */
    public List<String> keep(List<TaskRef> tasks, List<StepResult> results) {
        List<String> ids = new ArrayList<>(tasks.size());
        List<Document> documents = new ArrayList<>();
        Map<String, Kept> kept = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (!tasks.get(i).resultKeptApart()) {
                ids.add(null);
                continue;
            }
            String id = new ObjectId().toHexString();
            Kept result = new Kept(StepJson.write(results.get(i).findings()), StepJson.write(results.get(i).outputs()));
            documents.add(new Document("_id", id).append(RUN_ID, tasks.get(i).runId())
                    .append(FINDINGS, result.findingsJson()).append(OUTPUTS, result.outputsJson()));
            kept.put(id, result);
            ids.add(id);
        }
        if (!documents.isEmpty()) {
            mongo.getCollection(COLLECTION).flatMap(stored -> Mono.from(stored.insertMany(documents))).block(TIMEOUT);
            remember(kept);
        }
        return ids;
    }

    /** Removes results that no run refers to: the update that would have, lost. */
    public void discard(Collection<String> ids) {
        List<String> stored = ids.stream().filter(id -> id != null).toList();
        if (stored.isEmpty()) {
            return;
        }
        synchronized (this) {
            stored.forEach(id -> {
                Kept dropped = remembered.remove(id);
                if (dropped != null) {
                    rememberedChars -= dropped.chars();
                }
            });
        }
        mongo.getCollection(COLLECTION).flatMap(results -> Mono.from(results.deleteMany(Filters.in("_id", stored))))
                .block(TIMEOUT);
    }

    /**
     * {@code run} with the findings and outputs of its tasks' results kept apart filled in: from memory, else the run's
     * results read in one query. The same run when none is missing.
     */
    public RunDocument withResults(RunDocument run) {
        if (run == null || run.steps().stream().flatMap(step -> step.tasks().stream())
                .noneMatch(TaskDocument::lacksItsResult)) {
            return run;
        }
        Map<String, Kept> found = rememberedOf(run);
        List<StepDocument> steps = new ArrayList<>(run.steps().size());
        for (StepDocument step : run.steps()) {
            if (step.tasks().stream().noneMatch(TaskDocument::lacksItsResult)) {
                steps.add(step);
                continue;
            }
            steps.add(step.withTasks(step.tasks().stream().map(task -> filledIn(run, task, found)).toList()));
        }
        return run.withSteps(steps);
    }

    private static TaskDocument filledIn(RunDocument run, TaskDocument task, Map<String, Kept> found) {
        if (!task.lacksItsResult()) {
            return task;
        }
        Kept result = found.get(task.resultId());
        if (result == null) {
            throw new IllegalStateException("result " + task.resultId() + " of a task of run " + run.id()
                    + " is not stored");
        }
        return task.withResult(result.findingsJson(), result.outputsJson());
    }

    /** The results the run's tasks lack, from memory where all are remembered, else all of the run's as stored. */
    private Map<String, Kept> rememberedOf(RunDocument run) {
        Map<String, Kept> found = new HashMap<>();
        boolean complete = true;
        synchronized (this) {
            for (StepDocument step : run.steps()) {
                for (TaskDocument task : step.tasks()) {
                    if (task.lacksItsResult()) {
                        Kept kept = remembered.get(task.resultId());
                        if (kept == null) {
                            complete = false;
                        } else {
                            found.put(task.resultId(), kept);
                        }
                    }
                }
            }
        }
        if (complete) {
            return found;
        }
        Map<String, Kept> stored = new HashMap<>();
        mongo.getCollection(COLLECTION).flatMapMany(results -> Flux.from(results.find(Filters.eq(RUN_ID, run.id()))))
                .doOnNext(document -> stored.put(document.getString("_id"),
                        new Kept(document.getString(FINDINGS), document.getString(OUTPUTS))))
                .then().block(TIMEOUT);
        remember(stored);
        return stored;
    }

    private synchronized void remember(Map<String, Kept> results) {
        results.forEach((id, result) -> {
            Kept replaced = remembered.put(id, result);
            rememberedChars += result.chars() - (replaced == null ? 0 : replaced.chars());
        });
        Iterator<Kept> eldest = remembered.values().iterator();
        while (rememberedChars > REMEMBERED_CHARS && eldest.hasNext()) {
            rememberedChars -= eldest.next().chars();
            eldest.remove();
        }
    }
}
