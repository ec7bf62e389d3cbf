package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The case behind the gateway tests' 60-second waits on CI, and why the root pom holds Reactor Netty at 1.3.8 or later.
 * A client sends its next request on a keep-alive connection as soon as it has read an answer; the server ends that
 * exchange only when its write of the answer is reported done — and WebFlux writes answers from the MongoDB driver's
 * thread, so the report can come after the next request was read. Reactor Netty 1.3.6 and 1.3.7 then queue that
 * request; answered from the queue at once (as a 401 is), it leaves the connection unread, and every later request on
 * it waits forever (reactor-netty#4347, #4361; fixed in 1.3.8). The test makes the late report certain: the first answer comes from another thread (as WebFlux's do) and reaches
 * the client at once, but its write is reported done only after the server has read the next request, which is then
 * answered at once. On 1.3.7 the third request is never answered (Read timed out).
 */
class KeepAliveAfterLateTerminationTest {

    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void givenTheFirstAnswerReportedWrittenAfterTheNextRequest_whenMoreRequestsFollow_thenEveryOneIsAnswered()
            throws Exception {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .doOnChannelInit((observer, channel, address) -> channel.pipeline().addFirst(new LateFirstWriteReport()))
                .handle((request, response) -> response.header("Content-Length", "2").sendString(
                        request.uri().equals("/first") ? Mono.just("ok").publishOn(Schedulers.single()) : Mono.just("ok")))
                .bindNow();

        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

            assertThat(exchange(out, in, "/first")).isEqualTo("ok");
            assertThat(exchange(out, in, "/second")).isEqualTo("ok"); // read before /first was reported written
            assertThat(exchange(out, in, "/third")).isEqualTo("ok"); // on 1.3.7: never answered
        }
    }

    private static String exchange(OutputStream out, BufferedReader in, String path) throws Exception {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
        int length = -1;
        for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            read += in.read(body, read, length - read);
        }
        return new String(body);
    }

    /**
     * Next to the socket: the bytes of the first answer go out at once, but the writes are reported done only once
     * the connection has read something more (the next request), after it has been passed on.
     */
    private static final class LateFirstWriteReport extends ChannelDuplexHandler {

        private final List<ChannelPromise> unreported = new ArrayList<>();
        private boolean answered;
        private boolean reported;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (reported) {
                ctx.write(msg, promise);
                return;
            }
            answered = true;
            unreported.add(promise);
            ctx.write(msg, ctx.newPromise());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.fireChannelRead(msg);
            if (answered && !reported) {
                reported = true;
                unreported.forEach(ChannelPromise::setSuccess);
            }
        }
    }
}
