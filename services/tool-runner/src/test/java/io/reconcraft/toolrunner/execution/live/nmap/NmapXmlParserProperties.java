package io.reconcraft.toolrunner.execution.live.nmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.toolrunner.execution.live.OutputMutations;
import net.jqwik.api.Arbitrary;
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
        return OutputMutations.truncated(REAL);
    }

    @Provide
    Arbitrary<byte[]> mutatedXml() {
        return OutputMutations.mutated(REAL, HOSTILE_SNIPPETS);
    }
}
