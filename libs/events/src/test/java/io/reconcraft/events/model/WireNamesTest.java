package io.reconcraft.events.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireNamesTest {

    @Test
    void givenTheNamesAsWritten_whenParsed_thenEachIsItsConstant() {
        assertThat(RunStatus.fromWire("running")).isSameAs(RunStatus.RUNNING);
        assertThat(Severity.fromWire("critical")).isSameAs(Severity.CRITICAL);
        assertThat(RunTrigger.Type.fromWire("schedule")).isSameAs(RunTrigger.Type.SCHEDULE);
    }

    @Test
    void givenOtherSpellings_whenParsed_thenTheyAreReadAsBefore() {
        assertThat(RunStatus.fromWire(" SUCCEEDED ")).isSameAs(RunStatus.SUCCEEDED);
        assertThat(Severity.fromWire("High")).isSameAs(Severity.HIGH);
    }

    @Test
    void givenAnUnknownName_whenParsed_thenTheErrorListsTheAllowedOnes() {
        assertThatThrownBy(() -> RunStatus.fromWire("paused")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'paused' is not one of: queued");
        assertThatThrownBy(() -> RunStatus.fromWire(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
