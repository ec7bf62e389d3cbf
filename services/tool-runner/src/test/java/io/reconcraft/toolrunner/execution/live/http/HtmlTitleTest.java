package io.reconcraft.toolrunner.execution.live.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class HtmlTitleTest {

    @Test
    void givenAPage_whenItsTitleIsRead_thenTheFirstTitleIsAnsweredWithWhitespaceCollapsed() {
        assertThat(HtmlTitle.of("<html><head><TITLE lang=\"en\">\n  Admin   Console \n</Title></head>"))
                .isEqualTo("Admin Console");
        assertThat(HtmlTitle.of("<title>One</title><title>Two</title>")).isEqualTo("One");
        assertThat(HtmlTitle.of("<title></title>")).isEmpty();
        assertThat(HtmlTitle.of("<p>no title</p>")).isNull();
        assertThat(HtmlTitle.of("<title>never closed")).isNull();
        assertThat(HtmlTitle.of("<title>" + "x".repeat(500) + "</title>")).hasSize(HtmlTitle.MAX_CHARS + 1).endsWith("…");
        assertThat(HtmlTitle.of("\u0130\u0130<title>İstanbul</title>")).isEqualTo("İstanbul");
    }

    @Test
    void givenAHostile64KbBodyOfUnclosedTitles_whenItsTitleIsRead_thenItIsFoundAbsentInLinearTime() {
        // The quadratic pattern re-scanned the rest of this body from each of its 9000+ "<title>": ~4.5 s of CPU.
        String hostile = "<title>".repeat(64 * 1024 / 7);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long before = cpu.getCurrentThreadCpuTime();

        for (int i = 0; i < 20; i++) {
            assertThat(HtmlTitle.of(hostile)).isNull();
        }

        long cpuMillis = (cpu.getCurrentThreadCpuTime() - before) / 1_000_000;
        assertThat(cpuMillis).as("CPU for 20 hostile bodies (generous bound)").isLessThan(1000);
    }
}
