package io.reconcraft.toolrunner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContainerOutputTest {

    private static final long LOG_LIMIT = 64 * 1024;

    private final List<String> lines = new ArrayList<>();
    private final AtomicInteger overflows = new AtomicInteger();

    private ContainerOutput output(long stdoutLimit, int lineLimit) {
        return new ContainerOutput(stdoutLimit, LOG_LIMIT, lineLimit, lines::add, overflows::incrementAndGet);
    }

    private static Frame frame(StreamType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenStderrLinesSplitAcrossFrames_whenRead_thenWholeLinesReachTheLogAsTheyComplete() {
        ContainerOutput output = output(1024, 100);

        output.onNext(frame(StreamType.STDERR, "Starting Nm"));
        assertThat(lines).isEmpty();
        output.onNext(frame(StreamType.STDERR, "ap 7.93\r\nHost is up\npartial"));
        assertThat(lines).containsExactly("Starting Nmap 7.93", "Host is up");
        output.finish();
        assertThat(lines).containsExactly("Starting Nmap 7.93", "Host is up", "partial");
    }

    @Test
    void givenStdoutFrames_whenRead_thenTheyAreKeptByteForByteAndNotLogged() {
        ContainerOutput output = output(1024, 100);

        output.onNext(frame(StreamType.STDOUT, "<nmaprun>\n"));
        output.onNext(frame(StreamType.STDOUT, "</nmaprun>\n"));

        assertThat(new String(output.stdout(), StandardCharsets.UTF_8)).isEqualTo("<nmaprun>\n</nmaprun>\n");
        assertThat(lines).isEmpty();
    }

    @Test
    void givenMoreStdoutThanTheLimit_whenRead_thenTheLimitIsKeptAndTheOverflowNoted() {
        ContainerOutput output = output(8, 100);

        output.onNext(frame(StreamType.STDOUT, "0123456789"));

        assertThat(output.stdout()).hasSize(8);
        assertThat(output.stdoutOverflowed()).isTrue();
    }

    @Test
    void givenMoreLinesThanTheLimit_whenRead_thenTheRestIsCountedInOneClosingLine() {
        ContainerOutput output = output(1024, 2);

        output.onNext(frame(StreamType.STDERR, "a\nb\nc\nd\n"));
        output.finish();

        assertThat(lines).containsExactly("a", "b", "… 2 more log line(s) not sent (limit 2)");
        assertThat(output.lastLine()).isEqualTo("d");
    }

    @Test
    void givenAnOverlongLine_whenRead_thenItIsCut() {
        ContainerOutput output = output(1024, 10);

        output.onNext(frame(StreamType.STDERR, "x".repeat(5000) + "\n"));

        assertThat(lines).singleElement().satisfies(line -> assertThat(line).hasSize(ContainerOutput.MAX_LINE_CHARS + 1));
    }

    @Test
    void givenAFinishedOutput_whenMoreFramesArrive_thenNothingMoreReachesTheLog() {
        ContainerOutput output = output(1024, 10);
        output.finish();

        output.onNext(frame(StreamType.STDERR, "late\n"));

        assertThat(lines).isEmpty();
    }

    @Test
    void givenALogThatNeverEndsItsLine_whenRead_thenAtMostOneLineIsBufferedAndTheLineIsCut() {
        ContainerOutput output = output(1024, 10);

        for (int i = 0; i < 15; i++) {
            output.onNext(frame(StreamType.STDERR, "y".repeat(4000)));
            assertThat(output.bufferedLineBytes()).isLessThanOrEqualTo(ContainerOutput.MAX_LINE_BYTES);
        }
        output.finish();

        assertThat(lines).containsExactly("y".repeat(ContainerOutput.MAX_LINE_CHARS) + "…");
        assertThat(overflows).hasValue(0);
    }

    @Test
    void givenALineCutForItsBytes_whenItEnds_thenItIsMarkedCutAndTheNextLineIsWhole() {
        ContainerOutput output = output(1024, 10);

        output.onNext(frame(StreamType.STDERR, "é".repeat(ContainerOutput.MAX_LINE_BYTES)));
        output.onNext(frame(StreamType.STDERR, "\nnext\n"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("é".repeat(100)).endsWith("…").hasSizeLessThanOrEqualTo(ContainerOutput.MAX_LINE_CHARS + 1);
        assertThat(lines.get(1)).isEqualTo("next");
    }

    @Test
    void givenMoreLogThanItsLimit_whenRead_thenTheOverflowIsReportedOnceAndTheRestIsNotRead() {
        ContainerOutput output = output(1024, 1000);

        output.onNext(frame(StreamType.STDERR, "a\n".repeat((int) LOG_LIMIT / 2)));
        assertThat(overflows).hasValue(0);
        output.onNext(frame(StreamType.STDERR, "past-the-limit\n"));
        output.onNext(frame(StreamType.STDERR, "and-more\n"));
        output.finish();

        assertThat(output.stderrOverflowed()).isTrue();
        assertThat(overflows).hasValue(1);
        assertThat(lines).doesNotContain("past-the-limit", "and-more");
    }

    @Test
    void givenMoreStdoutThanItsLimit_whenRead_thenTheOverflowIsReportedOnce() {
        ContainerOutput output = output(8, 100);

        output.onNext(frame(StreamType.STDOUT, "01234567"));
        assertThat(overflows).hasValue(0);
        output.onNext(frame(StreamType.STDOUT, "8"));
        output.onNext(frame(StreamType.STDOUT, "9"));

        assertThat(overflows).hasValue(1);
        assertThat(output.stdoutOverflowed()).isTrue();
    }

    @Test
    void givenAnOverflowHandlerThatFails_whenTheLimitIsPassed_thenReadingGoesOn() {
        ContainerOutput output = new ContainerOutput(8, LOG_LIMIT, 100, lines::add, () -> {
            overflows.incrementAndGet();
            throw new IllegalStateException("engine gone");
        });

        output.onNext(frame(StreamType.STDOUT, "0123456789"));
        output.onNext(frame(StreamType.STDERR, "still-read\n"));

        assertThat(lines).containsExactly("still-read");
        assertThat(overflows).hasValue(1);
    }
}
