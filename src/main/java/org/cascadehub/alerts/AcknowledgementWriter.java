package org.cascadehub.alerts;

import java.time.Instant;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for acknowledgements. Callers put theirs in a bounded queue and wait; one writer
 * thread takes whatever has queued up (up to a batch) and writes it in one transaction
 * ({@link AcknowledgementBatch}), then answers each caller once the commit is done, so nobody is
 * told "acknowledged" before it is durable. Under load the batches grow and the cost of a commit
 * is shared; a full queue makes callers wait (back-pressure). A batch that fails is written again
 * one acknowledgement at a time, so one bad acknowledgement fails only its own caller. Stopping
 * refuses new acknowledgements and writes everything already queued.
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
    private final BlockingQueue<Request> queue;
    /** Submitters hold the read side while they queue; stopping takes the write side to close the door. */
    private final ReadWriteLock door = new ReentrantReadWriteLock();

    private volatile boolean open;
    private @Nullable Thread writer;

    AcknowledgementWriter(AcknowledgementBatch batches, AcknowledgementSettings settings) {
        this.batches = batches;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queue());
    }

    /**
     * Writes the acknowledgement (the first one wins; a repeat changes nothing) and answers the
     * person's acknowledgement as stored once it is committed; empty if they were not sent the alert.
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
        Request request = new Request(alert, person, channel, at, Actors.current(), new CompletableFuture<>());
        door.readLock().lock();
        try {
            if (!open) {
                throw new AcknowledgementNotRecorded("Cascade is shutting down: please acknowledge again shortly.");
            }
            if (!queue.offer(request, settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
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

    private void run() {
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
            write(batch);
            batch.clear();
        }
    }

    /** Writes one batch and answers its callers; one at a time if the batch as a whole fails. */
    void write(List<Request> batch) {
        try {
            var stored = batches.write(batch);
            for (Request request : batch) {
                request.answer().complete(Optional.ofNullable(stored.get(AcknowledgementBatch.key(request))));
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

    @Override
    public void start() {
        door.writeLock().lock();
        try {
            open = true;
            Thread thread = new Thread(this::run, "acknowledgement-writer");
            thread.setDaemon(true);
            thread.start();
            writer = thread;
        } finally {
            door.writeLock().unlock();
        }
    }

    /** Closes the door, then waits for the writer to write everything already queued. */
    @Override
    public void stop() {
        door.writeLock().lock();
        try {
            open = false;
        } finally {
            door.writeLock().unlock();
        }
        Thread thread = writer;
        if (thread != null) {
            try {
                thread.join(settings.timeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn(
                        "The acknowledgement writer did not finish within {}; {} left unwritten",
                        settings.timeout(),
                        queue.size());
            }
        }
        writer = null;
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
