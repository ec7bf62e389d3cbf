package io.reconcraft.findings.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;

/** The filters of {@code GET /findings}, checked: a bad one is a 400 naming it. */
public record FindingQuery(String severity, String state, String triage, String target, String tool,
                           String workflowId, String runId, String change, Instant since, int limit, long offset) {

    static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    static final Set<String> STATES = Set.of("open", "resolved");
    public static final Set<String> TRIAGES = Set.of("untriaged", "confirmed", "false_positive", "accepted_risk", "fixed");
    static final Set<String> CHANGES = Set.of("new", "reopened", "unchanged", "resolved");

    public static FindingQuery parse(String severity, String state, String triage, String target, String tool,
                                     String workflowId, String runId, String change, String since, String limit,
                                     String offset, int defaultLimit, int maxLimit) {
        Instant sinceInstant = null;
        if (blank(since) == null) {
            sinceInstant = null;
        } else {
            try {
                sinceInstant = Instant.parse(since.trim());
            } catch (DateTimeParseException e) {
                throw new BadRequest("since", "must be an ISO-8601 timestamp such as 2026-11-29T10:15:30Z");
            }
        }
        int limitValue = (int) number("limit", limit, defaultLimit);
        if (limitValue < 1 || limitValue > maxLimit) {
            throw new BadRequest("limit", "must be between 1 and " + maxLimit);
        }
        long offsetValue = number("offset", offset, 0);
        if (offsetValue < 0) {
            throw new BadRequest("offset", "must not be negative");
        }
        return new FindingQuery(oneOf("severity", severity, SEVERITIES), oneOf("state", state, STATES),
                oneOf("triage", triage, TRIAGES), blank(target), blank(tool), blank(workflowId), blank(runId),
                oneOf("change", change, CHANGES), sinceInstant, limitValue, offsetValue);
    }

    /** Everything but the run and the {@code change} within it, which are read from the history (see the controller). */
    public Criteria criteria() {
        List<Criteria> all = new ArrayList<>();
        add(all, "severity", severity);
        add(all, "state", state);
        add(all, "triage", triage);
        add(all, "target", target);
        add(all, "tool", tool);
        if (workflowId != null) {
            all.add(where("workflowIds").is(workflowId));
        }
        if (runId == null) {
            add(all, "lastChange", change);
        }
        if (since != null) {
            all.add(where("lastSeenAt").gte(since));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
    }

    private static void add(List<Criteria> all, String field, String value) {
        if (value != null) {
            all.add(where(field).is(value));
        }
    }

    private static String oneOf(String field, String value, Set<String> allowed) {
        String given = blank(value);
        if (given != null && !allowed.contains(given)) {
            throw new BadRequest(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return given;
    }

    private static long number(String field, String value, long fallback) {
        if (blank(value) == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(field, "must be a whole number");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
