package io.reconcraft.toolrunner.execution.live.nmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Host;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Port;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NmapXmlParserTest {

    private static final String ONE_OPEN_PORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE nmaprun>
            <?xml-stylesheet href="file:///usr/bin/../share/nmap/nmap.xsl" type="text/xsl"?>
            <nmaprun scanner="nmap" args="nmap -sT -oX - 127.0.0.1" version="7.93" xmloutputversion="1.05">
            <hosthint><status state="up" reason="unknown-response" reason_ttl="0"/>
            <address addr="127.0.0.1" addrtype="ipv4"/></hosthint>
            <host><status state="up" reason="conn-refused" reason_ttl="0"/>
            <address addr="127.0.0.1" addrtype="ipv4"/>
            <hostnames><hostname name="localhost" type="user"/></hostnames>
            <ports><port protocol="tcp" portid="8443"><state state="open" reason="syn-ack" reason_ttl="0"/>
            <service name="http" product="nginx" version="1.22.1" tunnel="ssl" method="probed" conf="10"/></port>
            <port protocol="tcp" portid="8444"><state state="closed" reason="conn-refused" reason_ttl="0"/></port>
            </ports></host>
            <runstats><finished time="1" elapsed="0.02" exit="success"/><hosts up="1" down="0" total="1"/></runstats>
            </nmaprun>
            """;

    @Test
    void givenTheVulnersFixture_whenParsed_thenHostPortServiceAndScoredScriptEntriesComeOut() {
        NmapScan scan = NmapXmlParser.parse(SharedFixtures.bytes("nmap/nmap-vulners-ssh.xml"));

        assertThat(scan.hosts()).hasSize(1);
        Host host = scan.hosts().get(0);
        assertThat(host.address()).isEqualTo("192.168.0.1");
        assertThat(host.status()).isEqualTo("up");
        Port ssh = host.ports().get(0);
        assertThat(ssh).extracting(Port::port, Port::protocol, Port::state, Port::service, Port::product, Port::version)
                .containsExactly(5022, "tcp", "open", "ssh", "OpenSSH", "7.4");
        assertThat(ssh.scripts()).singleElement().satisfies(script -> {
            assertThat(script.id()).isEqualTo("vulners");
            assertThat(script.output()).contains("CVE-2018-15919\t5.0");
            assertThat(script.vulnerabilities()).extracting(NmapScan.Vulnerability::id, NmapScan.Vulnerability::cvss)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CVE-2018-15919", 5.0),
                            org.assertj.core.groups.Tuple.tuple("CVE-2017-15906", 5.0));
        });
    }

    @Test
    void givenTheVulnersFixture_whenParsed_thenExtraInfoCpeAndTheEntryTypesAreKept() {
        Port ssh = NmapXmlParser.parse(SharedFixtures.bytes("nmap/nmap-vulners-ssh.xml")).hosts().get(0).ports().get(0);

        assertThat(ssh.extraInfo()).isEqualTo("protocol 2.0");
        assertThat(ssh.cpes()).containsExactly("cpe:/a:openbsd:openssh:7.4");
        assertThat(ssh.scripts().get(0).vulnerabilities()).extracting(NmapScan.Vulnerability::type).containsOnly("cve");
        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) ((List<Map<String, Object>>) ((List<Map<String, Object>>)
                NmapXmlParser.parse(SharedFixtures.bytes("nmap/nmap-vulners-ssh.xml")).toOutputs().get("hosts"))
                .get(0).get("ports")).get(0);
        assertThat(output).containsEntry("extrainfo", "protocol 2.0").containsEntry("cpe", List.of("cpe:/a:openbsd:openssh:7.4"));
    }

    @Test
    void givenNmapXml_whenTurnedIntoOutputs_thenItHasTheShapeTheDemoNmapAndHttpProbeUse() {
        Map<String, Object> outputs = NmapXmlParser.parse(bytes(ONE_OPEN_PORT)).toOutputs();

        List<?> hosts = (List<?>) outputs.get("hosts");
        Map<?, ?> host = (Map<?, ?>) hosts.get(0);
        assertThat(host.get("address")).isEqualTo("127.0.0.1");
        assertThat(host.get("status")).isEqualTo("up");
        assertThat(host.get("hostnames")).isEqualTo(List.of("localhost"));
        Map<?, ?> port = (Map<?, ?>) ((List<?>) host.get("ports")).get(0);
        assertThat(port.get("port")).isEqualTo(8443);
        assertThat(port.get("protocol")).isEqualTo("tcp");
        assertThat(port.get("state")).isEqualTo("open");
        assertThat(port.get("service")).isEqualTo("ssl/http");
        assertThat(port.get("product")).isEqualTo("nginx");
        assertThat(port.get("version")).isEqualTo("1.22.1");
        assertThat(port.get("scripts")).isEqualTo(List.of());
    }

    @Test
    void givenAHostHint_whenParsed_thenOnlyTheRealHostCounts() {
        assertThat(NmapXmlParser.parse(bytes(ONE_OPEN_PORT)).hosts()).hasSize(1);
    }

    @Test
    void givenTruncatedXml_whenParsed_thenItFailsWithAReason() {
        byte[] whole = bytes(ONE_OPEN_PORT);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> NmapXmlParser.parse(truncated))
                .isInstanceOf(NmapOutputException.class)
                .hasMessageStartingWith("nmap output could not be parsed: ");
    }

    @Test
    void givenXmlThatStopsAfterAClosedHost_whenParsed_thenTheMissingEndOfTheRunIsTheReason() {
        String cut = ONE_OPEN_PORT.substring(0, ONE_OPEN_PORT.indexOf("<runstats>"));

        assertThatThrownBy(() -> NmapXmlParser.parse(bytes(cut)))
                .isInstanceOf(NmapOutputException.class)
                .hasMessageStartingWith("nmap output could not be parsed: ");
    }

    @Test
    void givenAnExternalEntity_whenParsed_thenTheFileIsNeverReadAndTheParseFails(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<nmaprun><host><address addr=\"&xxe;\" addrtype=\"ipv4\"/></host></nmaprun>";

        assertThatThrownBy(() -> NmapXmlParser.parse(bytes(xxe)))
                .isInstanceOf(NmapOutputException.class)
                .hasMessageStartingWith("nmap output could not be parsed: ")
                .hasMessageNotContaining("TOP-SECRET-CONTENT");
    }

    @Test
    void givenAnEntityExpansionBomb_whenParsed_thenItFailsQuicklyWithoutExpanding() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            bomb.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<nmaprun><host><address addr=\"&lol9;\"/></host></nmaprun>");

        long start = System.nanoTime();
        assertThatThrownBy(() -> NmapXmlParser.parse(bytes(bomb.toString())))
                .isInstanceOf(NmapOutputException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void givenAnEntityInElementText_whenParsed_thenItIsRejected() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE nmaprun><nmaprun>&ent;</nmaprun>";

        assertThatThrownBy(() -> NmapXmlParser.parse(bytes(xml))).isInstanceOf(NmapOutputException.class);
    }

    @Test
    void givenRandomBytes_whenParsed_thenItFailsWithAReason() {
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);

        assertThatThrownBy(() -> NmapXmlParser.parse(noise))
                .isInstanceOf(NmapOutputException.class)
                .hasMessageStartingWith("nmap output could not be parsed: ");
    }

    @Test
    void givenEmptyOutput_whenParsed_thenItFailsWithAReason() {
        assertThatThrownBy(() -> NmapXmlParser.parse(new byte[0])).isInstanceOf(NmapOutputException.class);
    }

    @Test
    void givenXmlThatIsNotNmaps_whenParsed_thenTheRootIsTheReason() {
        assertThatThrownBy(() -> NmapXmlParser.parse(bytes("<html><body>hi</body></html>")))
                .isInstanceOf(NmapOutputException.class)
                .hasMessage("nmap output could not be parsed: the root element is <html>, not <nmaprun>");
    }

    @Test
    void givenAPortIdThatIsNotAPortNumber_whenParsed_thenItFailsNamingIt() {
        String xml = ONE_OPEN_PORT.replace("portid=\"8443\"", "portid=\"99999\"");

        assertThatThrownBy(() -> NmapXmlParser.parse(bytes(xml)))
                .isInstanceOf(NmapOutputException.class)
                .hasMessage("nmap output could not be parsed: port id '99999' is not a port number");
    }

    @Test
    void givenAScanThatFoundNoHost_whenParsed_thenThereAreNoHosts() {
        String xml = "<?xml version=\"1.0\"?><nmaprun><runstats><hosts up=\"0\" down=\"1\" total=\"1\"/></runstats></nmaprun>";

        assertThat(NmapXmlParser.parse(bytes(xml)).hosts()).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
