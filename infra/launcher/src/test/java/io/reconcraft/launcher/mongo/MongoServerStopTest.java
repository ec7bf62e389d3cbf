package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MongoServerStopTest {

    @Test
    void givenANetworkStopThatNeverReturns_whenTheServerCloses_thenItGivesUpAfterTheBoundOnADaemonThread() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Thread> stopping = new AtomicReference<>();

        boolean stopped = MongoServer.stopsWithin(() -> {
            stopping.set(Thread.currentThread());
            awaitUninterruptibly(never);
        }, Duration.ofMillis(200));

        assertThat(stopped).isFalse();
        assertThat(stopping.get().isDaemon()).isTrue();
        assertThat(stopping.get().getName()).isEqualTo("embedded-mongo-stop");
        never.countDown();
    }

    @Test
    void givenANetworkStopThatEnds_whenTheServerCloses_thenItSaysSo() {
        assertThat(MongoServer.stopsWithin(() -> { }, Duration.ofSeconds(30))).isTrue();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // as the library's own wait does
            }
        }
    }
}
