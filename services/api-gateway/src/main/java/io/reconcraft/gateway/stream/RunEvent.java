package io.reconcraft.gateway.stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One server-sent event of a run, as stored for replay: {@code seq} is its SSE id, strictly increasing within
 * the run; {@code data} is the JSON sent as the event's data; {@code terminal} marks the run's final event.
 */
@Document(RunEvent.COLLECTION)
public record RunEvent(@Id String id, String runId, long seq, String type, String data, boolean terminal) {

    public static final String COLLECTION = "run_events";
    public static final String RUN = "run";
    public static final String STEP = "step";
    public static final String LOG = "log";
    public static final String FINDING = "finding";

    public static RunEvent numbered(String runId, long seq, Draft draft) {
        return new RunEvent(runId + ":" + seq, runId, seq, draft.type(), draft.data(), draft.terminal());
    }

    /** An event before the read model gave it its number. */
    public record Draft(String type, String data, boolean terminal) {
    }
}
