package io.reconcraft.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * A guarded update of a run handed to the driver as written stores exactly what the template's mapped
 * {@code findAndModify} stores, and returns the same run — on the real MongoDB-wire server, two copies of one run
 * side by side, in a database of its own.
 */
class GuardedRunUpdateTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "guarded-" + UUID.randomUUID());

    @AfterEach
    void close() {
        client.close();
    }

    @ParameterizedTest(name = "run id {0}")
    @ValueSource(strings = {"objectid", "plain"})
    void givenAStepClaimWithItsTasks_whenWrittenAsWrittenAndMapped_thenBothStoreAndReturnTheSame(String idKind) {
        assertSameAsMapped(idKind, id -> where("_id").is(id).and("status").in(List.of("queued", "running"))
                        .and("cancelRequestedAt").is(null).and("activeTasks").not().gt(3)
                        .and("steps.1.status").is(RunStatus.QUEUED.wireName()).and("steps.1.attempt").is(1),
                new Update().set("steps.1.status", RunStatus.RUNNING.wireName()).set("steps.1.requestedAt", NOW)
                        .set("steps.1.deadline", null).set("steps.1.dueAt", null)
                        .set("steps.1.tasks", List.of(TaskDocument.queued("s:nmap", "127.0.0.1", 1)
                                .startedAt(NOW, NOW.plusSeconds(600))))
                        .inc("activeTasks", 1));
    }

    @Test
    void givenATaskEndingWithItsAttemptRecorded_whenWrittenAsWrittenAndMapped_thenBothStoreAndReturnTheSame() {
        assertSameAsMapped("objectid", id -> where("_id").is(id).and("steps.0.status").is("queued"),
                new Update().set("steps.0.status", "succeeded").set("steps.0.completedAt", NOW)
                        .set("steps.0.findingsJson", "[{\"id\":\"f-1\"}]").set("steps.0.conditionResult", true)
                        .push("steps.0.tasks", TaskDocument.queued("s:start", null, 1))
                        .unset("steps.0.error").inc("retryRound", 2));
    }

    @Test
    void givenWholeStepsPutBack_whenWrittenAsWrittenAndMapped_thenBothStoreAndReturnTheSame() {
        StepDocument ended = StepDocument.queued("nmap", "nmap", "Scan")
                .requeued(2, List.of(TaskDocument.queued("s:nmap", "127.0.0.1", 2)));
        assertSameAsMapped("objectid", id -> where("_id").is(id),
                new Update().set("steps.1", ended).set("status", "failed").set("completedAt", NOW));
        assertSameAsMapped("plain", id -> where("_id").is(id),
                new Update().set("steps", List.of(ended, ended)).set("activeTasks", 0));
    }

    @Test
    void givenAGuardThatDoesNotHold_whenWrittenAsWritten_thenNothingIsWrittenAndNothingReturned() {
        String id = stored(new ObjectId().toHexString());

        RunDocument written = GuardedRunUpdate.apply(mongo, where("_id").is(id).and("status").is("running"),
                new Update().set("status", "failed"), null);

        assertThat(written).isNull();
        assertThat(raw(id).getString("status")).isEqualTo("queued");
    }

    private void assertSameAsMapped(String idKind, Function<String, Criteria> guard, Update update) {
        String mappedId = stored(idKind.equals("plain") ? "run-" + UUID.randomUUID() : new ObjectId().toHexString());
        String rawId = stored(idKind.equals("plain") ? "run-" + UUID.randomUUID() : new ObjectId().toHexString());

        RunDocument mapped = mongo.findAndModify(Query.query(guard.apply(mappedId)), update,
                FindAndModifyOptions.options().returnNew(true), RunDocument.class).block();
        RunDocument asWritten = GuardedRunUpdate.apply(mongo, guard.apply(rawId), update, null);

        assertThat(mapped).isNotNull();
        assertThat(asWritten).usingRecursiveComparison().ignoringFields("id", "revision").isEqualTo(mapped);
        assertThat(asWritten.revision()).isEqualTo(mapped.revision() + 1);
        assertThat(asWritten.id()).isEqualTo(rawId);
        Document storedMapped = raw(mappedId);
        Document storedAsWritten = raw(rawId);
        assertThat(storedAsWritten.get("_id").getClass()).isEqualTo(storedMapped.get("_id").getClass());
        for (Document stored : List.of(storedMapped, storedAsWritten)) {
            stored.remove("_id");
            stored.remove("revision");
        }
        assertThat(withoutTypeHints(storedAsWritten).toJson())
                .isEqualTo(withoutNullFields(withoutTypeHints(storedMapped)).toJson());
    }

    @Test
    void givenFieldsClearedAndAStepWithEmptyFieldsSetWhole_whenWrittenAsWritten_thenNoNullIsStoredAndTheRunReadsTheSame() {
        String id = stored(new ObjectId().toHexString());
        StepDocument requeued = StepDocument.queued("nmap", "nmap", "Scan")
                .requeued(2, List.of(TaskDocument.queued("s:nmap", null, 2)));

        RunDocument written = GuardedRunUpdate.apply(mongo, where("_id").is(id), new Update()
                .set("steps.0.completedAt", NOW).set("steps.0.deadline", null).set("steps.0.error", null)
                .set("steps.1", requeued).set("outcome", null), null);

        Document stored = raw(id);
        assertThat(stored.toJson()).doesNotContain("null");
        assertThat(stored).doesNotContainKey("outcome");
        Document firstStep = stored.getList("steps", Document.class).get(0);
        assertThat(firstStep).containsKey("completedAt").doesNotContainKeys("deadline", "error");
        assertThat(written.steps().get(1)).isEqualTo(requeued);
        assertThat(written.steps().get(0).deadline()).isNull();
        assertThat(written.outcome()).isNull();
    }

    @Test
    void givenTheRunAsLastWritten_whenEachKindOfTransitionIsWritten_thenTheRunAppliedHereIsTheStoredOne() {
        String id = stored(new ObjectId().toHexString());
        RunDocument run = read(id);
        TaskDocument task = TaskDocument.queued("s:nmap", "127.0.0.1", 1);
        List<Update> transitions = List.of(
                new Update().set("status", "running").inc("activeTasks", 1).set("steps.0.status", "succeeded")
                        .set("steps.0.completedAt", NOW).set("steps.0.findingsJson", "[{\"id\":\"f-1\"}]")
                        .set("steps.1.status", "running").set("steps.1.requestedAt", NOW).set("steps.1.deadline", null)
                        .set("steps.1.tasks", List.of(task, task.startedAt(NOW, NOW.plusSeconds(600)))),
                new Update().set("steps.1.tasks.0.status", "running").set("steps.1.tasks.0.requestedAt", NOW)
                        .set("steps.1.tasks.0.deadline", NOW.plusMillis(1500)).set("steps.1.tasks.0.retryAt", null),
                new Update().set("steps.1.tasks.1.status", "failed").set("steps.1.tasks.1.outcome", "error")
                        .set("steps.1.tasks.1.error", "exit 1").set("steps.1.tasks.1.deadline", null)
                        .push("steps.1.tasks.1.attempts", new AttemptRecord(1, "failed", "error", "exit 1", NOW, NOW, null))
                        .inc("steps.1.tasks.1.attempt", 1).inc("activeTasks", -1),
                new Update().set("steps.0", StepDocument.queued("start", "start", "Start").requeued(2, List.of()))
                        .set("cancelRequestedAt", NOW).set("cancelledBy", "someone").unset("steps.1.tasks.0.deadline"),
                new Update().set("status", "cancelled").set("outcome", null).inc("retryRound", 1));

        for (Update transition : transitions) {
            RunDocument written = GuardedRunUpdate.apply(mongo, where("_id").is(id), transition, run);

            assertThat(written).usingRecursiveComparison().isEqualTo(read(id));
            assertThat(written.revision()).isEqualTo(run.revision() + 1);
            run = written;
        }
        assertThat(run.steps().get(1).tasks().get(1).attempts()).hasSize(1);
        assertThat(run.steps().get(0).attempt()).isEqualTo(2);
    }

    @Test
    void givenEachKindOfChangeTheStoresMake_whenAppliedHere_thenNoneIsLeftForTheStoreToSendBack() {
        RunDocument run = RunDocument.accepted("run-1", "{}", List.of(), "demo", List.of(), NOW,
                List.of(StepDocument.queued("nmap", "nmap", "Scan").requeued(1,
                        List.of(TaskDocument.queued("s:nmap", null, 1))), StepDocument.queued("probe", "probe", "P")),
                "test");
        Document changes = new Document("$set", new Document("steps.0.tasks.0.status", "running")
                .append("steps.1", new Document("nodeId", "probe").append("status", "running").append("attempt", 1))
                .append("status", "x"))
                .append("$unset", new Document("steps.0.tasks.0.deadline", "").append("missing.field", ""))
                .append("$inc", new Document("activeTasks", 1).append("steps.0.tasks.0.attempt", 1))
                .append("$push", new Document("steps.0.tasks.0.attempts", new Document("attempt", 1)));

        assertThat(RunChanges.applied(mongo.getConverter(), run, changes)).isNotNull();
        assertThat(RunChanges.applied(mongo.getConverter(), run,
                new Document("$pull", new Document("steps.0.tasks", new Document())))).isNull();
        assertThat(RunChanges.applied(mongo.getConverter(), run,
                new Document("$set", new Document("steps.7.status", "running")))).isNull();
        assertThat(RunChanges.applied(mongo.getConverter(), run,
                new Document("$set", new Document("steps.0.attempt", "not a number")))).isNull();
    }

    @Test
    void givenAnotherWriterWroteSinceTheRunWasLastKnown_whenUpdated_thenTheRunReturnedHoldsBothChanges() {
        String id = stored(new ObjectId().toHexString());
        RunDocument known = read(id);
        GuardedRunUpdate.apply(mongo, where("_id").is(id), new Update().set("cancelledBy", "another writer"),
                null);

        RunDocument written = GuardedRunUpdate.apply(mongo, where("_id").is(id),
                new Update().set("steps.1.status", "running"), known);

        assertThat(written.cancelledBy()).isEqualTo("another writer");
        assertThat(written.steps().get(1).status()).isEqualTo("running");
        assertThat(written.revision()).isEqualTo(2);
        assertThat(written).usingRecursiveComparison().isEqualTo(read(id));
    }

    private RunDocument read(String id) {
        return mongo.getConverter().read(RunDocument.class, raw(id));
    }

    /**
     * The mapped update hints the type of a whole step it sets ({@code steps.1}); a step is read as its declared, final
     * record type either way, so the hint is the one thing the two may differ in.
     */
    private static Document withoutTypeHints(Document document) {
        Document kept = new Document();
        document.forEach((key, value) -> {
            if (!key.equals("_class") || document.containsKey("workflowJson")) {
                kept.put(key, withoutTypeHints(value));
            }
        });
        return kept;
    }

    /** What a run stores since null fields are not stored (GuardedRunUpdate): the same, without them. */
    private static Document withoutNullFields(Document document) {
        Document kept = new Document();
        document.forEach((key, value) -> {
            if (value instanceof Document nested) {
                kept.put(key, withoutNullFields(nested));
            } else if (value instanceof List<?> list) {
                kept.put(key, list.stream().map(e -> e instanceof Document d ? withoutNullFields(d) : e).toList());
            } else if (value != null) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static Object withoutTypeHints(Object value) {
        if (value instanceof Document nested) {
            return withoutTypeHints(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(GuardedRunUpdateTest::withoutTypeHints).toList();
        }
        return value;
    }

    private String stored(String id) {
        RunDocument run = RunDocument.accepted(id, "{\"nodes\":[]}", List.of("127.0.0.1"), "demo",
                List.of("127.0.0.0/8"), NOW, List.of(StepDocument.queued("start", "start", "Start"),
                        StepDocument.queued("nmap", "nmap", "Scan")), "test");
        mongo.insert(run).block();
        return id;
    }

    private Document raw(String id) {
        Object key = ObjectId.isValid(id) ? new ObjectId(id) : id;
        return mongo.getCollection(RunDocument.COLLECTION)
                .flatMap(runs -> Mono.from(runs.find(Filters.eq("_id", key)).first())).block();
    }
}
