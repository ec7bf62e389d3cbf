package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DirectMemoryTest {

    private static final long MEGABYTE = 1024 * 1024;
    private static final long LIMIT = 1000 * MEGABYTE;

    private final AtomicLong used = new AtomicLong();
    private final List<String> warnings = new ArrayList<>();
    private final DirectMemory memory = new DirectMemory(capacity -> ByteBuffer.allocate(0), used::get, () -> LIMIT,
            warnings::add);

    @Test
    void givenUseBelowThreeQuarters_whenBuffersAreAllocated_thenNothingIsSaid() {
        for (long inUse = 0; inUse < 750 * MEGABYTE; inUse += 16 * MEGABYTE) {
            used.set(inUse);
            memory.allocate(16);
        }

        assertThat(warnings).isEmpty();
    }

    @Test
    void givenUseGrowingToTheLimit_whenBuffersAreAllocated_thenItWarnsOnceAtThreeQuartersAndOnceAtNineTenths() {
        for (long inUse = 0; inUse <= LIMIT; inUse += 16 * MEGABYTE) {
            used.set(inUse);
            memory.allocate(16);
        }

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("752 MB of the 1000 MB", "(75 %)", "-XX:MaxDirectMemorySize");
        assertThat(warnings.get(1)).contains("912 MB of the 1000 MB", "(91 %)");
    }

    @Test
    void givenUseJumpingPastBothLevels_whenABufferIsAllocated_thenItWarnsOnce() {
        used.set(950 * MEGABYTE);

        memory.allocate(16);
        memory.allocate(16);

        assertThat(warnings).singleElement().asString().contains("(95 %)");
    }

    @Test
    void givenThisJvm_whenADirectBufferIsAllocated_thenItsUseCountsItAgainstTheHeapSizedDefaultLimit() {
        long before = DirectMemory.directMemoryUsed();

        ByteBuffer buffer = ByteBuffer.allocateDirect((int) (4 * MEGABYTE));

        assertThat(DirectMemory.directMemoryUsed() - before).isGreaterThanOrEqualTo(buffer.capacity());
        assertThat(DirectMemory.directMemoryLimit()).as("no -XX:MaxDirectMemorySize in the tests' JVM")
                .isEqualTo(Runtime.getRuntime().maxMemory());
    }
}
