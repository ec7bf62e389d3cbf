package io.reconcraft.testing;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonValue;

/**
 * Counts the MongoDB commands a client sends to some collections, as "command collection" (e.g. "insert runs"), for
 * tests that say how many round trips a piece of work costs. Added to a client with
 * {@code settings.addCommandListener(counts)}.
 */
public final class CommandCounts implements CommandListener {

    private final Set<String> collections;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public CommandCounts(Set<String> collections) {
        this.collections = Set.copyOf(collections);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue collection = event.getCommand().get(event.getCommandName());
        if (collection != null && collection.isString() && collections.contains(collection.asString().getValue())) {
            counts.computeIfAbsent(event.getCommandName() + " " + collection.asString().getValue(),
                    key -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** The commands counted while {@code action} ran, by "command collection", sorted. */
    public Map<String, Integer> during(Runnable action) {
        counts.clear();
        action.run();
        Map<String, Integer> counted = new TreeMap<>();
        counts.forEach((command, n) -> counted.put(command, n.get()));
        return counted;
    }
}
