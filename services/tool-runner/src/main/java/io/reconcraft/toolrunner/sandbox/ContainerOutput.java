package io.reconcraft.toolrunner.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Reads a container's log stream while it runs: stdout is the tool's machine-readable result and
 * is kept (up to a limit); stderr is its human-readable progress and goes line by line to the
 * step's log as it arrives, up to a line limit, each line cut to a sane length.
 *
 * <p>Nothing a container writes grows this reader's memory without bound: stdout is kept up to its
 * limit, a line is buffered only up to {@link #MAX_LINE_BYTES} however long the container goes
 * without a newline, and stderr as a whole may carry at most its own limit. The first time a limit
 * is passed, {@code onOverflow} is called once (the sandbox stops the container: a tool writing
 * without end is not left to fill the engine's log file), and the run fails as over its output limit.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class ContainerOutput extends ResultCallback.Adapter<Frame> {

    static final int MAX_LINE_CHARS = 1000;
    /** Enough bytes for {@link #MAX_LINE_CHARS} characters of UTF-8; the rest of a longer line is dropped. */
    static final int MAX_LINE_BYTES = MAX_LINE_CHARS * 4;

    private final long stdoutLimit;
    private final long stderrLimit;
    private final int lineLimit;
    private final Consumer<String> logLines;
    private final Runnable onOverflow;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private boolean partialLineCut;
    private long stderrBytes;
    private boolean stdoutOverflowed;
    private boolean stderrOverflowed;
    private boolean overflowReported;
    private int linesSent;
    private int linesSuppressed;
    private String lastLine;
    private boolean closed;

    @Override
    public void onNext(Frame frame) {
        if (read(frame)) {
            // outside the lock: stopping the container is an engine call
            try {
                onOverflow.run();
            } catch (RuntimeException e) {
                // the run still fails as over its limit; its timeout stops the container at the latest
            }
        }
    }

    /** Takes one frame in; true when it is the first to pass a limit. */
    private synchronized boolean read(Frame frame) {
        if (closed || frame == null || frame.getPayload() == null) {
            return false;
        }
        if (frame.getStreamType() == StreamType.STDERR) {
            readStderr(frame.getPayload());
        } else {
            keepStdout(frame.getPayload());
        }
        if ((stdoutOverflowed || stderrOverflowed) && !overflowReported) {
            overflowReported = true;
            return true;
        }
        return false;
    }

    private void readStderr(byte[] payload) {
        if (stderrOverflowed) {
            return;
        }
        long room = stderrLimit - stderrBytes;
        int usable = (int) Math.max(0, Math.min(room, payload.length));
        if (payload.length > room) {
            stderrOverflowed = true;
        }
        stderrBytes += usable;
        for (int i = 0; i < usable; i++) {
            byte b = payload[i];
            if (b == '\n') {
                emitPartialLine();
            } else if (partialLine.size() < MAX_LINE_BYTES) {
                partialLine.write(b);
            } else {
                partialLineCut = true;
            }
        }
    }

    private void keepStdout(byte[] payload) {
        long room = stdoutLimit - stdout.size();
        if (payload.length > room) {
            stdoutOverflowed = true;
        }
        stdout.write(payload, 0, (int) Math.max(0, Math.min(room, payload.length)));
    }

    private void emitPartialLine() {
        String line = partialLine.toString(StandardCharsets.UTF_8).replace("\r", "");
        boolean cut = partialLineCut;
        partialLine.reset();
        partialLineCut = false;
        if (line.length() > MAX_LINE_CHARS) {
            line = line.substring(0, MAX_LINE_CHARS);
            cut = true;
        }
        if (cut) {
            line = line + "…";
        }
        lastLine = line;
        if (linesSent >= lineLimit) {
            linesSuppressed++;
            return;
        }
        linesSent++;
        send(line);
    }

    /** A log that cannot be sent must not stop the reading of the tool's output. */
    private void send(String line) {
        try {
            logLines.accept(line);
        } catch (RuntimeException e) {
            linesSuppressed++;
        }
    }

    /** Sends what is left and stops passing lines on; nothing reaches the log after this returns. */
    synchronized void finish() {
        if (closed) {
            return;
        }
        if (partialLine.size() > 0 || partialLineCut) {
            emitPartialLine();
        }
        if (linesSuppressed > 0) {
            send("… " + linesSuppressed + " more log line(s) not sent (limit " + lineLimit + ")");
        }
        closed = true;
    }

    synchronized byte[] stdout() {
        return stdout.toByteArray();
    }

    synchronized boolean stdoutOverflowed() {
        return stdoutOverflowed;
    }

    synchronized boolean stderrOverflowed() {
        return stderrOverflowed;
    }

    /** The bytes of the line not yet ended by a newline; never more than {@link #MAX_LINE_BYTES}. */
    synchronized int bufferedLineBytes() {
        return partialLine.size();
    }

    synchronized String lastLine() {
        return lastLine;
    }
}
