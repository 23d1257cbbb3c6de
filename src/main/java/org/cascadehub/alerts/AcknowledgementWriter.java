package org.cascadehub.alerts;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cascadehub.alerts.Acknowledgements.Acknowledgement;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actor;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for acknowledgements. Callers put theirs in a bounded queue and wait; a writer
 * thread takes whatever has queued up (up to a batch) and writes it in one transaction
 * ({@link AcknowledgementBatch}), then answers each caller once the commit is done, so nobody is
 * told "acknowledged" before it is durable. Under load the batches grow and the cost of a commit
 * is shared; a full queue makes callers wait (back-pressure). A batch that fails is written again
 * one acknowledgement at a time, so one bad acknowledgement fails only its own caller. Stopping
 * refuses new acknowledgements and writes everything already queued.
 *
 * <p>There are {@code writers} lanes, each a queue and a thread with its own transactions, so that
 * several database backends write at once. An (alert, person) pair always goes to the same lane:
 * its acknowledgements are written in the order they were queued, and no two transactions ever
 * update the same row, so the first acknowledgement still wins and lanes never wait for each other.
 */
@Component
class AcknowledgementWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementWriter.class);

    /** One caller's acknowledgement and the answer it waits for (empty: not a recipient). */
    record Request(
            AlertId alert,
            PersonId person,
            String channel,
            Instant at,
            Actor actor,
            CompletableFuture<Optional<Acknowledgement>> answer) {}

    private final AcknowledgementBatch batches;
    private final AcknowledgementSettings settings;
    private final DistributionSummary batchSizes;
    private final Timer batchTimes;
    private final List<BlockingQueue<Request>> lanes = new ArrayList<>();
    /** Submitters hold the read side while they queue; stopping takes the write side to close the door. */
    private final ReadWriteLock door = new ReentrantReadWriteLock();

    private volatile boolean open;
    private final List<Thread> writers = new ArrayList<>();

    AcknowledgementWriter(AcknowledgementBatch batches, AcknowledgementSettings settings, MeterRegistry meters) {
        this.batches = batches;
        this.settings = settings;
        this.batchSizes = DistributionSummary.builder("cascade.acknowledgements.batch.size")
                .description("Acknowledgements written in one transaction")
                .register(meters);
        this.batchTimes = Timer.builder("cascade.acknowledgements.batch.time")
                .description("Writing one batch of acknowledgements, commit included")
                .register(meters);
        int writers = settings.writers();
        for (int i = 0; i < writers; i++) {
            // the queue bound is for all lanes together
            lanes.add(new ArrayBlockingQueue<>(Math.max(1, settings.queue() / writers)));
        }
    }

    /**
     * Writes the acknowledgement (the first one wins; a repeat changes nothing) and answers the
     * person's acknowledgement as stored once it is committed; empty if they were not sent the
     * alert; {@link Conflict} if the alert is cancelled or expired and they had not acknowledged it.
     */
    Optional<Acknowledgement> acknowledge(AlertId alert, PersonId person, String channel, Instant at) {
        CompletableFuture<Optional<Acknowledgement>> answer = submit(alert, person, channel, at);
        try {
            return answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AcknowledgementNotRecorded("Your acknowledgement was not confirmed in time: please try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcknowledgementNotRecorded("Your acknowledgement was interrupted: please try again.");
        }
    }

    CompletableFuture<Optional<Acknowledgement>> submit(AlertId alert, PersonId person, String channel, Instant at) {
        // PostgreSQL keeps microseconds: what a caller is answered is exactly what is stored.
        Request request = new Request(
                alert, person, channel, at.truncatedTo(ChronoUnit.MICROS), Actors.current(), new CompletableFuture<>());
        door.readLock().lock();
        try {
            if (!open) {
                throw new AcknowledgementNotRecorded("Cascade is shutting down: please acknowledge again shortly.");
            }
            if (!lane(alert, person).offer(request, settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AcknowledgementNotRecorded("Too many acknowledgements at once: please try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcknowledgementNotRecorded("Your acknowledgement was interrupted: please try again.");
        } finally {
            door.readLock().unlock();
        }
        return request.answer();
    }

    /** The lane of an (alert, person) pair: always the same one. */
    private BlockingQueue<Request> lane(AlertId alert, PersonId person) {
        int hash = 31 * Long.hashCode(alert.value()) + person.value().hashCode();
        return lanes.get(Math.floorMod(hash ^ (hash >>> 16), lanes.size()));
    }

    private void run(BlockingQueue<Request> queue) {
        List<Request> batch = new ArrayList<>(settings.batch());
        while (true) {
            Request first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // nothing asks the writer to stop by interrupting it: it ends once closed and empty
                first = queue.poll();
            }
            if (first == null) {
                if (!open && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, settings.batch() - 1);
            long start = System.nanoTime();
            write(batch);
            batchTimes.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            batchSizes.record(batch.size());
            batch.clear();
        }
    }

    /**
     * Writes one batch and answers its callers; one at a time if the batch as a whole fails. An
     * acknowledgement already given is answered even once its alert is closed; a new one for a
     * closed alert is refused ({@link Conflict}).
     */
    void write(List<Request> batch) {
        try {
            AcknowledgementBatch.Written written = batches.write(batch);
            for (Request request : batch) {
                Acknowledgement stored = written.stored().get(AcknowledgementBatch.key(request));
                AlertStatus closed = written.closed().get(request.alert());
                if (stored == null && closed != null) {
                    request.answer().completeExceptionally(closedAlert(request.alert(), closed));
                } else {
                    request.answer().complete(Optional.ofNullable(stored));
                }
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                log.warn(
                        "An acknowledgement of alert {} could not be written",
                        batch.getFirst().alert(),
                        e);
                batch.getFirst().answer().completeExceptionally(e);
                return;
            }
            log.warn("A batch of {} acknowledgements failed; writing them one at a time", batch.size(), e);
            for (Request request : batch) {
                write(List.of(request));
            }
        }
    }

    static Conflict closedAlert(AlertId alert, AlertStatus status) {
        return new Conflict(
                status == AlertStatus.EXPIRED
                        ? "Alert " + alert + " has expired, so it can no longer be acknowledged."
                        : "Alert " + alert + " is cancelled, so it can no longer be acknowledged.");
    }

    @Override
    public void start() {
        door.writeLock().lock();
        try {
            open = true;
            for (BlockingQueue<Request> queue : lanes) {
                Thread thread = new Thread(() -> run(queue), "acknowledgement-writer-" + (writers.size() + 1));
                thread.setDaemon(true);
                thread.start();
                writers.add(thread);
            }
        } finally {
            door.writeLock().unlock();
        }
    }

    /** Closes the door, then waits for the writers to write everything already queued. */
    @Override
    public void stop() {
        door.writeLock().lock();
        try {
            open = false;
        } finally {
            door.writeLock().unlock();
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        for (Thread thread : writers) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (writers.stream().anyMatch(Thread::isAlive)) {
            log.warn(
                    "The acknowledgement writers did not finish within {}; {} left unwritten",
                    settings.timeout(),
                    lanes.stream().mapToInt(BlockingQueue::size).sum());
        }
        writers.clear();
    }

    @Override
    public boolean isRunning() {
        return open;
    }

    /** Stops after the web server (which stops at a higher phase) has stopped taking requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
