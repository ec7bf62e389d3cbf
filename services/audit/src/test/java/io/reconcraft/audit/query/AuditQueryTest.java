package io.reconcraft.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    private static AuditQuery parse(String from, String to, String limit, String offset) {
        return AuditQuery.parse(null, null, null, from, to, limit, offset, 100, 1000);
    }

    @Test
    void givenNoParameters_whenParsed_thenTheDefaultPage() {
        AuditQuery query = parse(null, null, null, null);

        assertThat(query.limit()).isEqualTo(100);
        assertThat(query.offset()).isZero();
    }

    @Test
    void givenIsoInstants_whenParsed_thenTheyBoundTheTimeRange() {
        AuditQuery query = parse("2026-11-29T10:00:00Z", "2026-11-29T11:00:00Z", "5", "10");

        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(query.limit()).isEqualTo(5);
        assertThat(query.offset()).isEqualTo(10);
    }

    @Test
    void givenSeveralBadParameters_whenParsed_thenEveryProblemIsNamed() {
        assertThatThrownBy(() -> parse("yesterday", null, "1001", "-1"))
                .isInstanceOf(AuditQuery.BadQueryException.class)
                .hasMessage("from must be an ISO-8601 instant such as 2026-11-29T10:15:30Z; limit must be between 1 and 1000; "
                        + "offset must not be negative");
    }

    @Test
    void givenFromAfterTo_whenParsed_thenItIsRefused() {
        assertThatThrownBy(() -> parse("2026-11-29T11:00:00Z", "2026-11-29T10:00:00Z", null, null))
                .hasMessage("from must be before to");
    }
}
