package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Set;

/**
 * Where a read along a sort key's index stands: the query, the order and the projection it was asked with, the fields
 * that answer it ({@link QueryShape}; null: whole documents), and the last key read ({@link FieldIndex#groupsAfter}).
 */
final class SortedWalk {

    private final FieldIndex index;
    private final boolean ascending;
    private final Document query;
    private final Document orderBy;
    private final Document projection;
    private final Set<String> answering;
    private Object after;
    private boolean ended;

    SortedWalk(FieldIndex index, Document query, Document orderBy, Document projection) {
        this.index = index;
        this.ascending = ((Number) orderBy.get(index.field())).intValue() > 0;
        this.query = query;
        this.orderBy = orderBy;
        this.projection = projection;
        this.answering = QueryShape.of(query, orderBy, projection).fields();
    }

    FieldIndex index() {
        return index;
    }

    boolean ascending() {
        return ascending;
    }

    Document query() {
        return query;
    }

    Document orderBy() {
        return orderBy;
    }

    Document projection() {
        return projection;
    }

    Set<String> answering() {
        return answering;
    }

    Object after() {
        return after;
    }

    void movedPast(Object key) {
        after = key;
    }

    boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }
}
