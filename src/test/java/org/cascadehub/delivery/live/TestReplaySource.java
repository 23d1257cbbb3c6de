package org.cascadehub.delivery.live;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cascadehub.directory.PersonId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A {@link ReplaySource} standing in for the database: it says events up to {@link
 * #HIGHEST_AT_START} were given out before the application started, answers from the events a test
 * stores, and can hold one person's replay at a latch so a test can broadcast while it is being read.
 */
final class TestReplaySource implements ReplaySource {

    /** Seqs up to here are "old" (only here); seqs above are new (broadcast, held in the ring). */
    static final long HIGHEST_AT_START = 1_000_000;

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {
        @Bean
        @Primary
        TestReplaySource testReplaySource() {
            return new TestReplaySource();
        }
    }

    /** One held replay: {@link #reached} opens when the replay is being read, then it waits for {@link #release}. */
    record Hold(CountDownLatch reached, CountDownLatch release) {
        void awaitReached() throws InterruptedException {
            if (!reached.await(SseClient.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the replay was never read");
            }
        }
    }

    private final List<LiveEvent> stored = new CopyOnWriteArrayList<>();
    private final Map<PersonId, Hold> holds = new ConcurrentHashMap<>();

    void store(LiveEvent event) {
        stored.add(event);
    }

    /** The next replay read for the person waits until the test releases it. */
    Hold hold(PersonId person) {
        Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
        holds.put(person, hold);
        return hold;
    }

    @Override
    public List<LiveEvent> since(long afterSeq, PersonId person) {
        Hold hold = holds.remove(person);
        if (hold != null) {
            hold.reached().countDown();
            await(hold.release(), Duration.ofSeconds(30));
        }
        return stored.stream()
                .filter(event -> event.seq() > afterSeq && event.recipients().contains(person))
                .sorted(Comparator.comparingLong(LiveEvent::seq).reversed())
                .toList();
    }

    @Override
    public long highestSeq() {
        return HIGHEST_AT_START;
    }

    private static void await(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
