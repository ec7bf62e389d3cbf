package io.reconcraft.toolrunner.execution.live.nmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a tool writes, the parser either reads it or fails with an {@link NmapOutputException}. */
class NmapXmlParserProperties {

    private static final byte[] REAL = SharedFixtures.bytes("nmap/nmap-vulners-ssh.xml");
    private static final String[] HOSTILE_SNIPPETS = {"<!ENTITY x SYSTEM \"file:///etc/passwd\">", "&x;", "<!DOCTYPE a [",
            "]>", "<![CDATA[", "<host>", "</port>", "portid=\"-1\"", "\u0000", "<?xml version=\"1.0\"?>", "&#0;",
            "<elem key=\"cvss\">NaN</elem>", "<table>", "</table>", "&amp;", "\uFFFF"};

    @Property(tries = 500)
    void mutatedNmapXmlIsReadOrRejectedWithAReason(@ForAll("mutatedXml") byte[] xml) {
        assertParsesOrFailsWithAReason(xml);
    }

    @Property(tries = 300)
    void truncatedNmapXmlIsReadOrRejectedWithAReason(@ForAll("truncatedXml") byte[] xml) {
        assertParsesOrFailsWithAReason(xml);
    }

    @Property(tries = 300)
    void randomBytesAreRejectedWithAReason(@ForAll byte[] noise) {
        assertParsesOrFailsWithAReason(noise);
    }

    private static void assertParsesOrFailsWithAReason(byte[] xml) {
        try {
            NmapScan scan = NmapXmlParser.parse(xml);
            assertThat(scan.hosts()).allSatisfy(host -> assertThat(host.address()).isNotBlank());
        } catch (NmapOutputException e) {
            assertThat(e.getMessage()).startsWith("nmap output could not be parsed: ").hasSizeLessThan(300);
        }
    }

    @Provide
    Arbitrary<byte[]> truncatedXml() {
        return Arbitraries.integers().between(0, REAL.length).map(length -> Arrays.copyOf(REAL, length));
    }

    @Provide
    Arbitrary<byte[]> mutatedXml() {
        String real = new String(REAL, StandardCharsets.UTF_8);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, real.length());
        Arbitrary<Integer> span = Arbitraries.integers().between(0, 40);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(HOSTILE_SNIPPETS), Arbitraries.strings().ofMaxLength(8));
        return Combinators.combine(position, span, insert).as((at, length, text) -> {
            int end = Math.min(real.length(), at + length);
            return (real.substring(0, at) + text + real.substring(end)).getBytes(StandardCharsets.UTF_8);
        });
    }
}
