package org.cascadehub.delivery.live;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;
import org.cascadehub.delivery.live.LiveConnection.CloseReason;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The live push gateway: holds the open streams, fans each broadcast out to its recipients' queues
 * and replays what reconnecting clients missed. {@link #broadcast} runs on its caller's thread but
 * only matches and queues; the writing happens on {@link LiveWriters}' threads and the container's.
 *
 * <p>It stops before the web server's graceful shutdown so open streams, which never end by
 * themselves, do not hold the shutdown for its whole timeout: each is completed and its client
 * reconnects, to another node or once this one is back.
 */
@Component
class LiveGateway implements LiveStream, LiveConnection.Owner, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveGateway.class);
    /** Steps of the heartbeat sweep per half interval (a step a second at the default 30 s). */
    static final int HEARTBEAT_STEPS = 15;

    private final LiveSettings settings;
    private final TaskScheduler scheduler;
    private final LiveRegistry registry = new LiveRegistry();
    private final LiveRing ring;
    private final LiveReplay replay;
    private final LiveWriters writers;
    private final LiveMetrics metrics;
    private final SseFrame retry;
    /** The seqs being fanned out right now (see {@link LiveConnection#begin}). */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Broadcasts being written count as urgent: bulk work steps aside meanwhile. */
    private final UrgentWork urgent;

    private volatile boolean running;
    private volatile boolean accepting = true;
    private @Nullable ScheduledFuture<?> heartbeats;
    private int nextStep;
    /** This round's streams by step (see {@link #heartbeatStep}); only the scheduler's thread uses it. */
    private List<List<LiveSink>> round = List.of();

    LiveGateway(
            LiveSettings settings,
            ObjectProvider<ReplaySource> sources,
            MeterRegistry meters,
            TaskScheduler scheduler,
            UrgentWork urgent) {
        this.settings = settings;
        this.urgent = urgent;
        this.scheduler = scheduler;
        // Resolved at first use: the database-backed source must not be built while Tomcat starts
        // (this gateway serves a session listener), or a database failure surfaces there, not as
        // the one-line start-up failure.
        ReplaySource source = new ReplaySource() {
            @Override
            public List<LiveEvent> since(long afterSeq, PersonId person) {
                return sources.getIfAvailable(ReplaySource::none).since(afterSeq, person);
            }

            @Override
            public long highestSeq() {
                return sources.getIfAvailable(ReplaySource::none).highestSeq();
            }
        };
        this.ring = new LiveRing(settings, source::highestSeq, System::nanoTime);
        this.replay = new LiveReplay(ring, source);
        this.writers = new LiveWriters(settings.writers());
        this.metrics = new LiveMetrics(meters, registry::open);
        this.retry = SseFrames.retry(settings.retry());
    }

    @Override
    public void broadcast(LiveEvent event) {
        SseFrame frame = SseFrames.encode(event);
        metrics.broadcast();
        if (!event.isReplayable()) {
            fanOut(frame, event.recipients());
            return;
        }
        inFlight.add(event.seq());
        try {
            ring.add(frame, event.recipients());
            fanOut(frame, event.recipients());
        } finally {
            inFlight.remove(event.seq());
        }
    }

    @Override
    public boolean connected(PersonId person) {
        return registry.connected(person);
    }

    @Override
    public int openStreams() {
        return registry.open();
    }

    boolean accepting() {
        return accepting;
    }

    /**
     * Turns the request into a stream for the viewer. The connection is registered before the replay
     * is read, so an event broadcast meanwhile is queued rather than lost; {@link
     * LiveConnection#begin} then drops what the replay already holds.
     */
    void connect(HttpServletRequest request, Viewer viewer, @Nullable Long lastEventId) throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Accel-Buffering", "no");
        HttpSession session = request.getSession(false);
        LiveConnection connection = new LiveConnection(
                viewer.personId(),
                viewer.organisationId(),
                session == null ? null : session.getId(),
                async,
                response.getOutputStream(),
                settings.queueFrames(),
                this,
                System::nanoTime);
        async.addListener(connection);
        open(connection, lastEventId);
    }

    /**
     * Registers a stream opened on another server (Netty) and starts it as {@link #connect} does.
     * With a {@code lastEventId} the replay may read the database: then call it off any event loop;
     * without one nothing here blocks.
     */
    void open(LiveSink connection, @Nullable Long lastEventId) throws IOException {
        registry.add(connection);
        metrics.opened();
        if (!accepting) {
            connection.close(CloseReason.SHUTDOWN);
            return;
        }
        List<SseFrame> first = new ArrayList<>();
        first.add(retry);
        if (lastEventId != null) {
            try {
                first.addAll(replay.since(lastEventId, connection.person()));
            } catch (RuntimeException e) {
                log.warn("Replay after event {} failed; the stream is closed for the client to retry", lastEventId, e);
                connection.close(CloseReason.GONE);
                return;
            }
        }
        connection.begin(first, inFlight);
    }

    /** A person's open streams here (for tests and diagnostics). */
    List<LiveSink> streamsOf(PersonId person) {
        List<LiveSink> streams = new ArrayList<>();
        registry.forEachOf(person, streams::add);
        return streams;
    }

    void closePerson(PersonId person) {
        registry.forEachOf(person, connection -> connection.close(CloseReason.ACCESS_ENDED));
    }

    void closeOrganisation(OrganisationId organisation) {
        registry.forEach(connection -> {
            if (connection.organisation().equals(organisation)) {
                connection.close(CloseReason.ACCESS_ENDED);
            }
        });
    }

    void closeSession(PersonId person, String sessionId) {
        registry.forEachOf(person, connection -> {
            if (sessionId.equals(connection.sessionId())) {
                connection.close(CloseReason.ACCESS_ENDED);
            }
        });
    }

    /** Closes the matching streams for shutdown (a server stopping before the gateway does). */
    void shutDown(Predicate<LiveSink> which) {
        registry.forEach(connection -> {
            if (which.test(connection)) {
                connection.close(CloseReason.SHUTDOWN);
            }
        });
    }

    /**
     * One step of the heartbeat sweep, run every {@link #heartbeatPeriod}: checks the streams in this
     * step's share (by identity hash), so each is checked every half heartbeat interval and the
     * heartbeats go out spread over it, a few hundred at a time, rather than to every stream in one
     * burst that a broadcast would queue behind on the event loops. The first step of a round sorts
     * the open streams into the steps: one walk over the registry a round rather than one a step
     * (a walk over 19,000 streams took milliseconds). A stream opened meanwhile is first checked in
     * the next round. Runs on the scheduler's thread only, one step after the other.
     */
    void heartbeatStep() {
        int step = nextStep;
        nextStep = (step + 1) % HEARTBEAT_STEPS;
        if (step == 0) {
            List<List<LiveSink>> steps = new ArrayList<>(HEARTBEAT_STEPS);
            for (int i = 0; i < HEARTBEAT_STEPS; i++) {
                steps.add(new ArrayList<>());
            }
            registry.forEach(
                    connection -> steps.get(Math.floorMod(System.identityHashCode(connection), HEARTBEAT_STEPS))
                            .add(connection));
            round = steps;
        }
        sweep(round.get(step));
    }

    /** Checks every stream at once, as the steps of half a heartbeat interval do together. */
    void heartbeat() {
        List<LiveSink> all = new ArrayList<>(registry.open());
        registry.forEach(all::add);
        sweep(all);
    }

    /** How often a step of the sweep runs: each stream is checked every half interval. */
    Duration heartbeatPeriod() {
        return Duration.ofMillis(
                Math.max(1, settings.heartbeat().dividedBy(2L * HEARTBEAT_STEPS).toMillis()));
    }

    /**
     * Keeps idle streams alive ({@link LiveSink#heartbeat}: only those that were sent nothing since
     * their previous check), finds dead and stalled ones, and ages the ring.
     */
    private void sweep(List<LiveSink> connections) {
        ring.expire();
        long stall = settings.stallTimeout().toNanos();
        Handover handover = Handover.forSweep(writers);
        for (LiveSink connection : connections) {
            if (connection.heartbeat(stall, inFlight)) {
                handover.add(connection);
            }
        }
        handover.finish();
    }

    @Override
    public void closed(LiveSink connection, CloseReason reason) {
        if (registry.remove(connection)) {
            metrics.closed(reason);
        }
    }

    @Override
    public void sent(int frames) {
        metrics.sent(frames);
    }

    @Override
    public void start() {
        ring.floor();
        heartbeats = scheduler.scheduleWithFixedDelay(this::heartbeatStep, heartbeatPeriod());
        accepting = true;
        running = true;
    }

    /** Also when the context is only paused (as test contexts are): {@link #start} opens it again. */
    @Override
    public void stop() {
        accepting = false;
        running = false;
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        int open = registry.open();
        registry.forEach(connection -> connection.close(CloseReason.SHUTDOWN));
        if (open > 0) {
            log.info("Closed {} live streams for shutdown; their clients will reconnect", open);
        }
    }

    @Override
    public void destroy() {
        writers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown, which would otherwise wait for every open stream. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }

    private void fanOut(SseFrame frame, Set<PersonId> recipients) {
        ChunkedFrame.broadcasting(frame);
        Handover handover = Handover.forBroadcast(urgent, writers);
        registry.forEachOf(recipients, connection -> {
            if (connection.offer(frame)) {
                handover.add(connection);
            }
        });
        handover.finish();
    }
}
