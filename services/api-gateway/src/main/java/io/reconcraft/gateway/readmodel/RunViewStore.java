package io.reconcraft.gateway.readmodel;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.reconcraft.gateway.run.RunView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The read model's reads and writes of run views: one query and one bulk write per batch of events. */
@Component
class RunViewStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String RUNS = "runs";

    private final ReactiveMongoTemplate mongo;

    RunViewStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Map<String, RunState> load(Collection<String> runIds) {
        Map<String, RunState> states = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(runIds)), RunView.class)
                .doOnNext(view -> states.put(view.id(), new RunState(view)))
                .then().block(TIMEOUT);
        return states;
    }

    /** Replaces each run's document by its new state. Only the listener of the run's partition writes it. */
    void write(List<RunView> views) {
        if (views.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> replacements = new ArrayList<>(views.size());
        for (RunView view : views) {
            Document document = new Document();
            mongo.getConverter().write(view, document);
            // the converted id: Spring stores an id that reads as an ObjectId as one
            replacements.add(new ReplaceOneModel<>(new Document("_id", document.get("_id")), document,
                    new ReplaceOptions()));
        }
        mongo.getCollection(RUNS).flatMap(runs -> Mono.from(runs.bulkWrite(replacements))).block(TIMEOUT);
    }
}
