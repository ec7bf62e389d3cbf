package io.reconcraft.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.notifier.onlynew.OnlyNewProperties;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sortings kept for onlyNew steps, on a real MongoDB-wire server. */
class FindingChangesStoreTest extends EmbeddedMongoStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final FindingChangesStore store = new FindingChangesStore(freshDatabase("changes"),
            new OnlyNewProperties(null, null, null));

    @Test
    void givenAPollWithTwoNodesAndANodeSortedTwice_whenSavedTogether_thenEachNodeKeepsItsLatestSorting() {
        FindingsUpdated scanFirst = sorting("scan", new FindingsUpdated.FindingChange(0, "fnd-1", "new", null));
        FindingsUpdated probe = sorting("probe", new FindingsUpdated.FindingChange(0, "fnd-2", "existing", null));
        FindingsUpdated scanAgain = sorting("scan", new FindingsUpdated.FindingChange(0, "fnd-1", "reopened", "confirmed"));

        store.saveAll(List.of(new FindingChangesStore.NodeSorting("run-1", scanFirst),
                new FindingChangesStore.NodeSorting("run-1", probe),
                new FindingChangesStore.NodeSorting("run-1", scanAgain)), T0);

        assertThat(store.of("run-1", List.of("scan", "probe", "report")))
                .containsOnlyKeys("scan", "probe")
                .containsEntry("scan", scanAgain.findings())
                .containsEntry("probe", probe.findings());
    }

    @Test
    void givenASortingAlreadyKept_whenTheSamePollIsSavedAgain_thenNothingChanges() {
        FindingsUpdated scan = sorting("scan", new FindingsUpdated.FindingChange(0, "fnd-1", "new", null));
        store.saveAll(List.of(new FindingChangesStore.NodeSorting("run-2", scan)), T0);

        store.saveAll(List.of(new FindingChangesStore.NodeSorting("run-2", scan)), T0.plusSeconds(5));

        assertThat(store.of("run-2", List.of("scan"))).containsOnlyKeys("scan").containsEntry("scan", scan.findings());
    }

    private static FindingsUpdated sorting(String nodeId, FindingsUpdated.FindingChange change) {
        return new FindingsUpdated("run:" + nodeId, nodeId, List.of(change), List.of());
    }
}
