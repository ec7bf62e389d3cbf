package io.reconcraft.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    @Test
    void givenAWebhookUrl_whenMasked_thenOnlySchemeHostAndPortRemain() {
        assertThat(WebhookUrls.mask("https://hooks.slack.com/services/T000/B000/XXXXSECRET"))
                .isEqualTo("https://hooks.slack.com/***");
        assertThat(WebhookUrls.mask("http://127.0.0.1:4567/hook/secret")).isEqualTo("http://127.0.0.1:4567/***");
    }

    @Test
    void givenSomethingThatIsNotAUrl_whenMasked_thenNothingOfItIsShown() {
        assertThat(WebhookUrls.mask("not a url with secret")).isEqualTo("***");
        assertThat(WebhookUrls.mask(null)).isEqualTo("(none)");
    }
}
