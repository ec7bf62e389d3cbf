package io.reconcraft.events.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NmapOutputTest {

    private static final NmapOutput DEMO = new NmapOutput(List.of(new NmapOutput.Host("10.0.0.1", "10.0.0.0/24", null,
            null, List.of(new NmapOutput.Port(22, "tcp", "open", "ssh", "OpenSSH", "9.2")))));

    @Test
    void givenAScan_whenWritten_thenItHasTheHostsAndPortsShapeAndNoUnknownFields() {
        Map<String, Object> outputs = DEMO.toOutputs();

        Map<String, Object> host = map(((List<?>) outputs.get("hosts")).get(0));
        assertThat(host.keySet()).containsExactly("address", "target", "ports");
        Map<String, Object> port = map(((List<?>) host.get("ports")).get(0));
        assertThat(port).containsEntry("port", 22).containsEntry("state", "open").doesNotContainKey("cpe");
    }

    @Test
    void givenWrittenOutputs_whenRead_thenTheSameHostsAndPortsComeBack() {
        NmapOutput read = NmapOutput.read(DEMO.toOutputs());

        assertThat(read.hosts()).singleElement().satisfies(host -> {
            assertThat(host.address()).isEqualTo("10.0.0.1");
            assertThat(host.ports()).containsExactly(new NmapOutput.Port(22, "tcp", "open", "ssh", "OpenSSH", "9.2"));
        });
    }

    @Test
    void givenUntrustedOutputsOfTheWrongShape_whenReadLeniently_thenBadEntriesAreSkipped() {
        Map<String, Object> outputs = Map.of("hosts", List.of("not a host",
                Map.of("address", "10.0.0.2", "ports", List.of(7, Map.of("port", "22", "state", "open")))));

        NmapOutput read = NmapOutput.read(outputs);

        assertThat(read.hosts()).singleElement().satisfies(host ->
                assertThat(host.ports()).singleElement().satisfies(port -> assertThat(port.port()).isNull()));
    }

    @Test
    void givenUntrustedOutputsOfTheWrongShape_whenParsedStrictly_thenTheProblemIsNamed() {
        assertThatThrownBy(() -> NmapOutput.parse(Map.of("hosts", "x"))).hasMessage("'hosts' that is not a list");
        assertThatThrownBy(() -> NmapOutput.parse(Map.of("hosts", List.of(Map.of("ports", List.of())))))
                .hasMessage("a host without an address");
        assertThat(NmapOutput.parse(Map.of()).hosts()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
