package io.reconcraft.launcher.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChildProcessIT {

    @TempDir
    Path dir;

    @Test
    void givenProcessWithChildren_whenClosed_thenWholeTreeIsGone() {
        ChildProcess process = ChildProcess.start("tree",
                List.of("sh", "-c", "sleep 300 & sleep 300 & echo started; wait"), Map.of(), dir, dir.resolve("tree.log"));
        await().atMost(Duration.ofSeconds(5)).until(() -> process.handle().descendants().count() == 2);
        List<ProcessHandle> tree = new ArrayList<>(process.handle().descendants().toList());
        tree.add(process.handle());

        process.close();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(process.lastLogLines(30)).contains("started");
    }

    @Test
    void givenProcessIgnoringSigterm_whenClosed_thenItIsKilled() {
        ChildProcess process = ChildProcess.start("stubborn",
                List.of("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 1; done"), Map.of(), dir,
                dir.resolve("stubborn.log"));
        await().atMost(Duration.ofSeconds(5)).until(() -> process.lastLogLines(1).contains("ready"));

        long started = System.nanoTime();
        process.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(14));
    }
}
