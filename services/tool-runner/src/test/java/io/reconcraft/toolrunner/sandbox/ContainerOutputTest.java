package io.reconcraft.toolrunner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerOutputTest {

    private final List<String> lines = new ArrayList<>();

    private static Frame frame(StreamType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenStderrLinesSplitAcrossFrames_whenRead_thenWholeLinesReachTheLogAsTheyComplete() {
        ContainerOutput output = new ContainerOutput(1024, 100, lines::add);

        output.onNext(frame(StreamType.STDERR, "Starting Nm"));
        assertThat(lines).isEmpty();
        output.onNext(frame(StreamType.STDERR, "ap 7.93\r\nHost is up\npartial"));
        assertThat(lines).containsExactly("Starting Nmap 7.93", "Host is up");
        output.finish();
        assertThat(lines).containsExactly("Starting Nmap 7.93", "Host is up", "partial");
    }

    @Test
    void givenStdoutFrames_whenRead_thenTheyAreKeptByteForByteAndNotLogged() {
        ContainerOutput output = new ContainerOutput(1024, 100, lines::add);

        output.onNext(frame(StreamType.STDOUT, "<nmaprun>\n"));
        output.onNext(frame(StreamType.STDOUT, "</nmaprun>\n"));

        assertThat(new String(output.stdout(), StandardCharsets.UTF_8)).isEqualTo("<nmaprun>\n</nmaprun>\n");
        assertThat(lines).isEmpty();
    }

    @Test
    void givenMoreStdoutThanTheLimit_whenRead_thenTheLimitIsKeptAndTheOverflowNoted() {
        ContainerOutput output = new ContainerOutput(8, 100, lines::add);

        output.onNext(frame(StreamType.STDOUT, "0123456789"));

        assertThat(output.stdout()).hasSize(8);
        assertThat(output.stdoutOverflowed()).isTrue();
    }

    @Test
    void givenMoreLinesThanTheLimit_whenRead_thenTheRestIsCountedInOneClosingLine() {
        ContainerOutput output = new ContainerOutput(1024, 2, lines::add);

        output.onNext(frame(StreamType.STDERR, "a\nb\nc\nd\n"));
        output.finish();

        assertThat(lines).containsExactly("a", "b", "… 2 more log line(s) not sent (limit 2)");
        assertThat(output.lastLine()).isEqualTo("d");
    }

    @Test
    void givenAnOverlongLine_whenRead_thenItIsCut() {
        ContainerOutput output = new ContainerOutput(1024, 10, lines::add);

        output.onNext(frame(StreamType.STDERR, "x".repeat(5000) + "\n"));

        assertThat(lines).singleElement().satisfies(line -> assertThat(line).hasSize(ContainerOutput.MAX_LINE_CHARS + 1));
    }

    @Test
    void givenAFinishedOutput_whenMoreFramesArrive_thenNothingMoreReachesTheLog() {
        ContainerOutput output = new ContainerOutput(1024, 10, lines::add);
        output.finish();

        output.onNext(frame(StreamType.STDERR, "late\n"));

        assertThat(lines).isEmpty();
    }
}
