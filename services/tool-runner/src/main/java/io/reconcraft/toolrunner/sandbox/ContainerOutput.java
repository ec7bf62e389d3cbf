package io.reconcraft.toolrunner.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a container's log stream while it runs: stdout is the tool's machine-readable result and
 * is kept (up to a limit); stderr is its human-readable progress and goes line by line to the
 * step's log as it arrives, up to a line limit, each line cut to a sane length.
 */
final class ContainerOutput extends ResultCallback.Adapter<Frame> {

    static final int MAX_LINE_CHARS = 1000;

    private final long stdoutLimit;
    private final int lineLimit;
    private final Consumer<String> logLines;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private boolean stdoutOverflowed;
    private int linesSent;
    private int linesSuppressed;
    private String lastLine;
    private boolean closed;

    ContainerOutput(long stdoutLimit, int lineLimit, Consumer<String> logLines) {
        this.stdoutLimit = stdoutLimit;
        this.lineLimit = lineLimit;
        this.logLines = logLines;
    }

    @Override
    public synchronized void onNext(Frame frame) {
        if (closed || frame == null || frame.getPayload() == null) {
            return;
        }
        if (frame.getStreamType() == StreamType.STDERR) {
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    emitPartialLine();
                } else {
                    partialLine.write(b);
                }
            }
        } else {
            keepStdout(frame.getPayload());
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
        partialLine.reset();
        if (line.length() > MAX_LINE_CHARS) {
            line = line.substring(0, MAX_LINE_CHARS) + "…";
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
        if (partialLine.size() > 0) {
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

    synchronized String lastLine() {
        return lastLine;
    }
}
