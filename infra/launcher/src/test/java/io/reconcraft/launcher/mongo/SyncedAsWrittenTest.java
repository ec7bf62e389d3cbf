package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot is forced to the disk as it is written, every so many bytes, each time with all of them written. */
class SyncedAsWrittenTest {

    @Test
    void givenWritesOfOddSizes_whenMoreThanTheIntervalIsWritten_thenEachSyncFollowsAtLeastThatManyNewBytes()
            throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<Integer> writtenAtSync = new ArrayList<>();
        SyncedAsWritten out = new SyncedAsWritten(file, () -> writtenAtSync.add(file.size()), 1_000);

        for (int i = 0; i < 10; i++) {
            out.write(new byte[333]);
            out.write(7);
        }

        assertThat(writtenAtSync).containsExactly(1_001, 2_003, 3_005);
        assertThat(file.size()).isEqualTo(3_340);
    }

    @Test
    void givenLessThanTheInterval_whenWritten_thenNothingIsForced() throws IOException {
        List<Integer> syncs = new ArrayList<>();
        SyncedAsWritten out = new SyncedAsWritten(new ByteArrayOutputStream(), () -> syncs.add(1), 1_000);

        out.write(new byte[999]);

        assertThat(syncs).isEmpty();
    }
}
