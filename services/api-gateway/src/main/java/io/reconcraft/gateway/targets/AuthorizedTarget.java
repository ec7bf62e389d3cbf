package io.reconcraft.gateway.targets;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A host or CIDR block the operators authorized for live scans; the Studio's Target shape. */
@Document("targets")
public record AuthorizedTarget(
        @Id String id,
        String value,
        List<String> tags,
        Instant createdAt) {

    public AuthorizedTarget {
        tags = tags == null ? List.of() : tags;
    }
}
