package io.reconcraft.audit.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The filters of {@code GET /audit/events}, checked: every bad parameter is named with what is wrong.
 * {@code actor} matches the payload's {@code requestedBy}, {@code actor} or {@code actorKeyId} (API calls); {@code from} is inclusive and
 * {@code to} exclusive, both on {@code occurredAt}.
 */
public record AuditQuery(String runId, String actor, String type, Instant from, Instant to, int limit, long offset) {

    public static AuditQuery parse(String runId, String actor, String type, String from, String to, String limit,
                                   String offset, int defaultLimit, int maxLimit) {
        List<String> problems = new ArrayList<>();
        Instant fromInstant = instant("from", from, problems);
        Instant toInstant = instant("to", to, problems);
        long limitValue = number("limit", limit, defaultLimit, problems);
        long offsetValue = number("offset", offset, 0, problems);
        if (limitValue < 1 || limitValue > maxLimit) {
            problems.add("limit must be between 1 and " + maxLimit);
        }
        if (offsetValue < 0) {
            problems.add("offset must not be negative");
        }
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            problems.add("from must be before to");
        }
        if (!problems.isEmpty()) {
            throw new BadQueryException(String.join("; ", problems));
        }
        return new AuditQuery(blankToNull(runId), blankToNull(actor), blankToNull(type), fromInstant, toInstant,
                (int) limitValue, offsetValue);
    }

    /** The matching records, oldest first, one page of them. */
    public Query toMongoQuery() {
        List<Criteria> all = new ArrayList<>();
        if (runId != null) {
            all.add(where("runId").is(runId));
        }
        if (type != null) {
            all.add(where("type").is(type));
        }
        if (actor != null) {
            all.add(new Criteria().orOperator(where("payload.requestedBy").is(actor), where("payload.actor").is(actor),
                    where("payload.actorKeyId").is(actor)));
        }
        if (from != null || to != null) {
            Criteria occurred = where("occurredAt");
            if (from != null) {
                occurred = occurred.gte(Date.from(from));
            }
            if (to != null) {
                occurred = occurred.lt(Date.from(to));
            }
            all.add(occurred);
        }
        Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
        return query.with(Sort.by("occurredAt", "sequence", "_id")).skip(offset).limit(limit);
    }

    private static Instant instant(String name, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(name + " must be an ISO-8601 instant such as 2026-11-29T10:15:30Z");
            return null;
        }
    }

    private static long number(String name, String value, long fallback, List<String> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number");
            return fallback;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Answered as 400 problem+json. */
    public static class BadQueryException extends RuntimeException {
        public BadQueryException(String message) {
            super(message);
        }
    }
}
