package io.reconcraft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, IPV4", "10.0.0.0/16, CIDR", "::1, IPV6", "2001:db8::/64, CIDR",
            "scanme.example.com, HOSTNAME", "localhost, HOSTNAME", "a-b.c0, HOSTNAME", "0.0.0.0, IPV4"})
    void givenAWellFormedTarget_whenParsed_thenItsKindIsKnown(String raw, Target.Kind kind) {
        assertThat(Target.parse(raw).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1;id", "127.0.0.1 && rm -rf /", "$(id)", "`id`", "http://example.com", "example.com/path",
            "256.1.1.1", "1.2.3", "01.2.3.4", "-leading.example", "trailing-.example", "exa_mple.com",
            "a..b", "10.0.0.0/33", "10.0.0.0/8", "::1%eth0", "[::1]", "fe80::1/200", "host name", "ex\nample",
            "127.0.0.1/", "/24", "example.com:22", "user@example.com"})
    void givenAnythingElse_whenParsed_thenItIsRejectedWithTheEntryNamed(String raw) {
        assertThatThrownBy(() -> Target.parse(raw)).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0-255.0-255.0-255.0-255", "127.0.0.1-255", "0x7f000001", "0X7F.1", "0177.0.0.1", "127.1", "2130706433",
            "10.0.0.*", "10.0.0.1,2", "1-5", "example.0x10", "host.123"})
    void givenAnythingNmapWouldReadAsAnAddressOrRange_whenParsed_thenItIsNotAcceptedAsAHostname(String raw) {
        assertThatThrownBy(() -> Target.parse(raw)).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("'" + raw + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:10.0.0.5/32", "::ffff:10.0.0.5", "::ffff:127.0.0.1/128", "0:0:0:0:0:ffff:a00:5/120"})
    void givenAnIpv4MappedIpv6AddressOrBlock_whenParsed_thenItIsRefusedNamingTheIpv4Form(String raw) {
        assertThatThrownBy(() -> Target.parse(raw)).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("IPv4-mapped");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.5/24, 10.0.0.0/24", "2001:DB8::1, 2001:db8:0:0:0:0:0:1", "Scanme.Example.COM, scanme.example.com",
            "127.0.0.1, 127.0.0.1", " 10.1.2.3 , 10.1.2.3"})
    void givenAValidTarget_whenAskedForItsCanonicalForm_thenItIsTheCheckedAddressNetworkOrName(String raw,
            String canonical) {
        assertThat(Target.parse(raw).canonical()).isEqualTo(canonical);
    }

    @Test
    void givenAnEmptyTarget_whenParsed_thenItIsRejected() {
        assertThatThrownBy(() -> Target.parse("  ")).hasMessage("a target must not be empty");
    }

    @Test
    void givenACidrWiderThanThePolicy_whenParsed_thenTheLimitIsNamed() {
        assertThatThrownBy(() -> Target.parse("10.0.0.0/15")).hasMessageContaining("wider than the allowed /16");
        assertThat(Target.parse("10.0.0.0/8", new TargetPolicy(8, 64)).kind()).isEqualTo(Target.Kind.CIDR);
    }

    @Test
    void aCidrContainsTheAddressesAndNarrowerBlocksInsideIt() {
        Target block = Target.parse("192.168.4.0/24");

        assertThat(block.contains(Target.parse("192.168.4.77"))).isTrue();
        assertThat(block.contains(Target.parse("192.168.4.128/25"))).isTrue();
        assertThat(block.contains(Target.parse("192.168.5.1"))).isFalse();
        assertThat(block.contains(Target.parse("192.168.0.0/16"))).isFalse();
        // an IPv4-mapped IPv6 spelling is refused (nmap would read it as IPv6), see the tests above
    }

    @Test
    void aHostnameContainsOnlyItselfIgnoringCase() {
        assertThat(Target.parse("Scanme.Example.com").contains(Target.parse("scanme.example.COM"))).isTrue();
        assertThat(Target.parse("example.com").contains(Target.parse("www.example.com"))).isFalse();
    }
}
