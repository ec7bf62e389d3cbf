package io.reconcraft.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void givenStringsOfEveryKind_whenQuoted_thenTheyAreSpelledExactlyAsTheEventMapperWritesThem() {
        List<String> texts = new ArrayList<>(List.of("", "plain", "quote \" and backslash \\", "a/b </script>",
                "tab\tnew line\ncarriage\rbell\u0007nul\u0000del\u007f", "ünïcödé ✓ 日本", "emoji 😀 \ud83d lone surrogate",
                "\u2028 line separator \u2029", "https://127.0.0.1:8080/x?y=1&z=<2>"));
        for (char c = 0; c < 256; c++) {
            texts.add("[" + c + "]");
        }

        for (String text : texts) {
            StringBuilder quoted = new StringBuilder();
            CanonicalJson.quote(text, quoted);

            assertThat(quoted.toString()).as("quoted %s", text).isEqualTo(EventCodec.mapper().writeValueAsString(text));
        }
    }
}
