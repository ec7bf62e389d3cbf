package io.reconcraft.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookGuardTest {

    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/abcdef";
    private static final Set<String> DEFAULT_HOSTS = Set.of("hooks.slack.com", "discord.com", "discordapp.com");

    /** DNS that answers every name with the given address, the way a hostile or misconfigured zone could. */
    private static HostResolver resolvingTo(String address) {
        return host -> List.of(InetAddress.getByName(address));
    }

    private static WebhookGuard guard(boolean allowLoopback, HostResolver resolver) {
        return new WebhookGuard(new WebhookProperties(allowLoopback, DEFAULT_HOSTS), resolver);
    }

    @Test
    void givenAnAllowListedHttpsHostWithAPublicAddress_whenChecked_thenItIsAcceptedAndPinnedToThatAddress() {
        CheckedWebhook webhook = guard(false, resolvingTo("18.205.93.1")).check(SLACK);

        assertThat(webhook.url().host()).isEqualTo("hooks.slack.com");
        assertThat(webhook.addresses()).extracting(InetAddress::getHostAddress).containsExactly("18.205.93.1");
    }

    @Test
    void givenPlainHttp_whenChecked_thenItIsRefused() {
        assertThatThrownBy(() -> guard(false, resolvingTo("18.205.93.1")).check("http://hooks.slack.com/services/x"))
                .isInstanceOf(WebhookRefusedException.class).hasMessage("webhook URL must be an https URL");
    }

    @Test
    void givenAHostOutsideTheAllowList_whenChecked_thenItIsRefusedWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> guard(false, resolvingTo("93.184.216.34")).check("https://example.com/secret-path"))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessageStartingWith("webhook URL host must be one of")
                .hasMessageNotContaining("secret-path");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback", "::1, loopback", "10.1.2.3, private", "172.16.0.1, private", "192.168.1.1, private",
            "169.254.169.254, link-local", "fe80::1, link-local", "fd00::1, unique-local", "224.0.0.1, multicast",
            "ff02::1, multicast", "0.0.0.0, unspecified", "::, unspecified", "100.64.0.1, private (carrier-grade NAT)",
            "::ffff:10.0.0.1, private", "2002:c0a8:0101::1, private"})
    void givenAnAllowListedHostResolvingToANonPublicAddress_whenChecked_thenItIsRefusedNamingTheClass(
            String address, String addressClass) {
        assertThatThrownBy(() -> guard(false, resolvingTo(address)).check(SLACK))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessage("webhook host resolves to a " + addressClass + " address, which webhooks may not reach");
    }

    @Test
    void givenAHostResolvingToOnePublicAndOnePrivateAddress_whenChecked_thenItIsRefused() {
        HostResolver mixed = host -> List.of(InetAddress.getByName("18.205.93.1"), InetAddress.getByName("10.0.0.7"));

        assertThatThrownBy(() -> guard(false, mixed).check(SLACK)).isInstanceOf(WebhookRefusedException.class);
    }

    @Test
    void givenAHostThatDoesNotResolve_whenChecked_thenItIsRefused() {
        HostResolver nothing = host -> {
            throw new UnknownHostException(host);
        };

        assertThatThrownBy(() -> guard(false, nothing).check(SLACK)).hasMessage("webhook host does not resolve");
    }

    @Test
    void givenLoopbackWithAllowLoopbackOff_whenChecked_thenItIsRefused() {
        assertThatThrownBy(() -> guard(false, HostResolver.SYSTEM).check("http://127.0.0.1:8080/hook"))
                .isInstanceOf(WebhookRefusedException.class);
    }

    @Test
    void givenLoopbackHttpWithAllowLoopbackOn_whenChecked_thenItIsAccepted() {
        assertThat(guard(true, HostResolver.SYSTEM).check("http://127.0.0.1:8080/hook").addresses())
                .allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void givenALoopbackLookingNameThatResolvesElsewhereWithAllowLoopbackOn_whenChecked_thenItIsRefused() {
        assertThatThrownBy(() -> guard(true, resolvingTo("93.184.216.34")).check("https://127.attacker.example/hook"))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessageStartingWith("webhook URL host must be one of");
    }

    @Test
    void givenAnAllowListedHostResolvingToPrivateWithAllowLoopbackOn_whenChecked_thenItIsStillRefused() {
        assertThatThrownBy(() -> guard(true, resolvingTo("10.0.0.7")).check(SLACK))
                .hasMessage("webhook host resolves to a private address, which webhooks may not reach");
    }

    @Test
    void givenCredentialsInTheUrl_whenChecked_thenItIsRefused() {
        assertThatThrownBy(() -> guard(false, resolvingTo("18.205.93.1")).check("https://u:p@hooks.slack.com/services/x"))
                .hasMessage("webhook URL must not contain credentials");
    }
}
