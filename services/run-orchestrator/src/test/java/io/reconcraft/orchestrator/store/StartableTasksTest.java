package io.reconcraft.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which runs the task scheduler looks at: those with a queued task and room under their own cap — on the real
 * MongoDB-wire server, in a database of its own.
 */
class StartableTasksTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final int CAP = 2;

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "startable-" + UUID.randomUUID());
    private final RunStore runs = new RunStore(mongo, new WrittenRuns(), new TaskResultStore(mongo));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void givenRunsWithQueuedTasks_whenTheSchedulerAsks_thenOnlyThoseWithRoomUnderTheirCapAreNamed() {
        String atItsCap = stored(runId(), 2, 1);
        String withRoom = stored(new ObjectId().toHexString(), 1, 1);
        String nothingQueued = stored(runId(), 1, 0);

        assertThat(runs.idsWithStartableTasks(CAP)).containsExactly(withRoom)
                .doesNotContain(atItsCap, nothingQueued);
    }

    @Test
    void givenARunStoredBeforeItCountedItsRunningTasks_whenTheSchedulerAsks_thenItIsNamed() {
        String old = stored(runId(), 0, 1);
        mongo.updateFirst(Query.query(where("_id").is(old)), new Update().unset("activeTasks"), RunDocument.class)
                .block();

        assertThat(runs.idsWithStartableTasks(CAP)).containsExactly(old);
    }

    private static String runId() {
        return "run-" + UUID.randomUUID();
    }

    /** A running run whose scan has {@code running} tasks running and {@code queued} waiting. */
    private String stored(String id, int running, int queued) {
        List<TaskDocument> tasks = new ArrayList<>();
        for (int i = 0; i < running + queued; i++) {
            TaskDocument task = TaskDocument.queued(id + ":scan:" + i, "127.0.0." + (i + 1), 1);
            tasks.add(i < running ? task.startedAt(NOW, NOW.plusSeconds(600)) : task);
        }
        RunDocument accepted = RunDocument.accepted(id, "{}", List.of("127.0.0.1"), "demo", List.of("127.0.0.1"), NOW,
                List.of(StepDocument.queued("scan", "nmap", "Scan")), "test");
        RunDocument run = accepted.withStep(0, accepted.steps().get(0).requeued(1, tasks), running);
        runs.insertAbsent(List.of(run));
        assertThat(runs.markRunRunning(id)).isTrue();
        return id;
    }
}
