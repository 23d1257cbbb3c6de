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

    // The bulk lane, on a clock the test moves: settle 1 s, one step every 2 s while busy.

    final long[] now = {0};
    final UrgentWork lane = new UrgentWork(Duration.ofSeconds(1), Duration.ofSeconds(2), () -> now[0]);

    @Test
    void bulkGoesAtOnceWhenTheScreensHaveLongBeenQuiet() {
        assertThat(lane.turnIn(now[0], true)).isZero();
        assertThat(lane.turnIn(now[0], true))
                .as("settled: steps go one after another")
                .isZero();
    }

    @Test
    void bulkWaitsWhileABroadcastIsWrittenAndThenForTheScreensToSettle() {
        Runnable broadcast = lane.begin(1).counting(() -> {});
        long since = now[0];
        assertThat(lane.turnIn(since, true)).as("a broadcast in flight").isPositive();

        now[0] += millis(300);
        broadcast.run();
        long wait = lane.turnIn(since, true);
        assertThat(wait).as("just ended: wait to settle").isPositive().isLessThanOrEqualTo(millis(1000));

        now[0] += millis(1000);
        assertThat(lane.turnIn(since, true)).isZero();
    }

    @Test
    void whileAlertsKeepComingBulkGetsOneStepPerBusyInterval() {
        long since = now[0];
        for (int i = 0; i < 4; i++) { // a broadcast every half second
            broadcastWritten();
            now[0] += millis(100);
            assertThat(lane.turnIn(since, true))
                    .as("waited %d ms", now[0] - since)
                    .isPositive();
            now[0] += millis(400);
        }
        broadcastWritten();
        assertThat(lane.turnIn(since, true))
                .as("waited an interval: goes between broadcasts")
                .isZero();

        long next = now[0];
        now[0] += millis(1_900);
        broadcastWritten();
        assertThat(lane.turnIn(next, true))
                .as("the lane's last turn was 1.9 s ago")
                .isPositive();
        now[0] += millis(100);
        assertThat(lane.turnIn(next, true)).isZero();
    }

    @Test
    void workThatCanWaitTakesNoBusyTurnsButIsNotStarvedForever() {
        long since = now[0];
        for (int i = 0; i < 10; i++) { // a broadcast every half second for five seconds
            broadcastWritten();
            now[0] += millis(500);
            assertThat(lane.turnIn(since, false))
                    .as("waited %d ms", now[0] - since)
                    .isPositive();
        }
        assertThat(lane.turnIn(since, true))
                .as("other bulk work takes its busy turn")
                .isZero();

        now[0] += millis(3_000);
        assertThat(lane.turnIn(since, false)).as("settled").isZero();

        long later = now[0];
        for (int i = 0; i < 599; i++) {
            broadcastWritten();
            now[0] += millis(500);
        }
        assertThat(lane.turnIn(later, false)).isPositive();
        now[0] += millis(500);
        assertThat(lane.turnIn(later, false)).as("five minutes of alerts").isZero();
    }

    @Test
    void stepsThatHaveWaitedLongStillGoOnePerBusyIntervalWhileAlertsKeepComing() {
        long since = now[0]; // many steps, all waiting from the start
        now[0] += millis(30_000);
        broadcastWritten(); // alerts still coming
        assertThat(lane.turnIn(since, true)).isZero();
        assertThat(lane.turnIn(since, true))
                .as("the next waited just as long, but the lane just had its turn")
                .isPositive();
        now[0] += millis(2_000);
        assertThat(lane.turnIn(since, true)).isZero();
    }

    @Test
    void bulkNeverWaitsForeverForABroadcastThatDoesNotEnd() {
        lane.begin(1); // never ends
        long since = now[0];
        assertThat(lane.turnIn(since, true)).isPositive();

        now[0] += millis(4_999);
        assertThat(lane.turnIn(since, true)).isPositive();
        now[0] += millis(1);
        assertThat(lane.turnIn(since, true)).isZero();
    }

    @Test
    void oneBulkStepAtATime() throws Exception {
        UrgentWork quiet = new UrgentWork();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        Runnable step = () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            firstRunning.countDown();
            try {
                releaseFirst.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        };
        try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
            Future<?> first = executor.submit(() -> {
                quiet.inTurn(step);
                return null;
            });
            firstRunning.await();
            Future<?> second = executor.submit(() -> {
                quiet.inTurn(step);
                return null;
            });
            Thread.sleep(50); // give the second a chance to (wrongly) run alongside
            releaseFirst.countDown();
            first.get();
            second.get();
        }
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingThem() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new UrgentWork(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .withMessageContaining("cascade.delivery.bulk-settle");
    }

    /** A broadcast, begun and written, at {@code now}. */
    private void broadcastWritten() {
        lane.begin(1).counting(() -> {}).run();
    }

    private static long millis(long ms) {
        return Duration.ofMillis(ms).toNanos();
    }
}
