package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sends run on their own threads, and again after the dispatcher has been stopped and started. */
class ParallelSendsTests {

    @Test
    void sendsRunAgainAfterAStop() throws InterruptedException {
        ParallelSends sends = new ParallelSends("test-send", 2, () -> {});
        CountDownLatch before = new CountDownLatch(1);
        sends.start(before::countDown);
        assertThat(before.await(10, TimeUnit.SECONDS)).isTrue();

        sends.stop(Duration.ofSeconds(5));
        CountDownLatch after = new CountDownLatch(1);
        sends.start(after::countDown);

        assertThat(after.await(10, TimeUnit.SECONDS))
                .as("a paused application context starts its dispatchers again")
                .isTrue();
        sends.stop(Duration.ofSeconds(5));
    }
}
