package org.cascadehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Bulk work waits for urgent work only while some of its tasks are still to end. */
class UrgentWorkTests {

    final UrgentWork urgent = new UrgentWork();

    @Test
    void quietWhenNothingUrgentIsUnderWay() {
        assertThat(urgent.awaitQuiet(Duration.ZERO)).isTrue();
        assertThat(urgent.begin(0).counting(() -> {})).isNotNull();
        assertThat(urgent.awaitQuiet(Duration.ZERO))
                .as("no tasks, nothing counted")
                .isTrue();
    }

    @Test
    void busyUntilEveryTaskHasEndedHoweverItEnded() {
        UrgentWork.Tracker tracker = urgent.begin(2);
        Runnable first = tracker.counting(() -> {});
        Runnable second = tracker.counting(() -> {
            throw new IllegalStateException("a write failed");
        });

        first.run();
        assertThat(urgent.awaitQuiet(Duration.ofMillis(1))).as("one task left").isFalse();
        try {
            second.run();
        } catch (IllegalStateException expected) {
            // the failure is the task's own; it still counts as ended
        }
        assertThat(urgent.awaitQuiet(Duration.ZERO)).isTrue();
    }

    @Test
    void aWaiterIsReleasedWhenTheLastTaskEnds() throws Exception {
        UrgentWork.Tracker tracker = urgent.begin(1);
        Runnable task = tracker.counting(() -> {});
        CountDownLatch waiting = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            Future<Boolean> quiet = executor.submit(() -> {
                waiting.countDown();
                return urgent.awaitQuiet(Duration.ofMinutes(1));
            });
            waiting.await();
            task.run();
            assertThat(quiet.get()).isTrue();
        }
    }

    @Test
    void overlappingWorkKeepsItBusyUntilBothEnd() {
        Runnable a = urgent.begin(1).counting(() -> {});
        Runnable b = urgent.begin(1).counting(() -> {});

        a.run();
        assertThat(urgent.awaitQuiet(Duration.ofMillis(1))).isFalse();
        b.run();
        assertThat(urgent.awaitQuiet(Duration.ZERO)).isTrue();
    }

    @Test
    void startedWorkEndsOnceHoweverOftenItIsEnded() {
        UrgentWork.Started started = urgent.start();
        Runnable other = urgent.begin(1).counting(() -> {});

        started.end();
        started.end();
        assertThat(urgent.awaitQuiet(Duration.ofMillis(1)))
                .as("ending twice does not end the other work")
                .isFalse();
        other.run();
        assertThat(urgent.awaitQuiet(Duration.ZERO)).isTrue();
    }

    @Test
    void outsideATransactionStartedWorkEndsAtOnceWhenToldToWaitForIt() {
        urgent.start().endWhenTransactionEnds();

        assertThat(urgent.awaitQuiet(Duration.ZERO)).isTrue();
    }
}
