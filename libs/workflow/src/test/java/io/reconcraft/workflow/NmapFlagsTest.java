package io.reconcraft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NmapFlagsTest {

    @Test
    void allowedFlagsBecomeSeparateArguments() {
        assertThat(NmapFlags.parse(" -sV  -p 22,80,8000-8100 --top-ports 100 -T4 "))
                .containsExactly("-sV", "-p", "22,80,8000-8100", "--top-ports", "100", "-T4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-oN /etc/passwd", "--script http-shellshock", "-p 22;id", "-iL /etc/shadow",
            "--datadir /tmp", "-sV $(id)", "--top-ports", "-e eth0", "--script=default"})
    void anythingOffTheAllowListIsRefused(String flags) {
        assertThatThrownBy(() -> NmapFlags.parse(flags)).isInstanceOf(IllegalArgumentException.class);
    }
}
