package org.cascadehub.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.cascadehub.platform.PostgresChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the dispatchers when rows are queued on any node: every insert into an outbox tells {@code
 * LISTEN cascade_outbox} which table (a statement trigger, {@code V18}), and this node's dispatcher
 * for that table polls at once. Listening, a dispatcher need not poll every second for work another
 * node queued: it sleeps until its next retry is due, or {@code
 * cascade.delivery.outbox-fallback-poll} (60 s) at most, which also picks up the rows of a node that
 * died holding them. While not listening (the connection failed) the dispatchers poll at their
 * short interval, as before. One pooled connection is held for listening.
 */
@Component
class OutboxWakeups implements SmartLifecycle, PostgresChannel.Hearing {

    static final String CHANNEL = "cascade_outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxWakeups.class);
    private static final int WAIT_MILLIS = 1000;

    private final PostgresChannel channel;
    private final Duration fallback;
    private final Map<String, PollingDispatcher> dispatchers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> heard = new ConcurrentHashMap<>();

    private volatile boolean listening;

    OutboxWakeups(DataSource dataSource, @Value("${cascade.delivery.outbox-fallback-poll:PT60S}") Duration fallback) {
        if (fallback.isNegative() || fallback.isZero()) {
            throw new IllegalArgumentException("cascade.delivery.outbox-fallback-poll must be more than 0");
        }
        this.channel = new PostgresChannel(CHANNEL, "cascade-outbox-wakeups", WAIT_MILLIS, dataSource, this);
        this.fallback = fallback;
    }

    /** The dispatcher to nudge when rows are queued in {@code table}. */
    void register(String table, PollingDispatcher dispatcher) {
        dispatchers.put(table, dispatcher);
    }

    /** Whether queued rows wake the dispatchers now; if not, they poll at their short interval. */
    boolean listening() {
        return listening;
    }

    /** The longest a listening dispatcher waits between polls. */
    Duration fallback() {
        return fallback;
    }

    /** How many wake-ups for {@code table} this node has heard (for tests and diagnosis). */
    long heard(String table) {
        AtomicLong count = heard.get(table);
        return count == null ? 0 : count.get();
    }

    @Override
    public void start() {
        channel.start();
    }

    @Override
    public void stop() {
        channel.stop();
        listening = false;
    }

    @Override
    public boolean isRunning() {
        return channel.isRunning();
    }

    /** Before the dispatchers (default phase) start, so their first wait already knows. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    /** Rows queued before LISTEN took effect have no wake-up coming: every dispatcher polls once now. */
    @Override
    public void nowListening() {
        listening = true;
        dispatchers.values().forEach(PollingDispatcher::nudge);
    }

    @Override
    public void received(List<String> tables) {
        for (String table : tables) {
            heard.computeIfAbsent(table, t -> new AtomicLong()).incrementAndGet();
            PollingDispatcher dispatcher = dispatchers.get(table);
            if (dispatcher != null) {
                dispatcher.nudge();
            }
        }
    }

    @Override
    public void lost(Exception why) {
        listening = false;
        log.warn("Not hearing queued outbox rows ({}); the dispatchers poll every second meanwhile", why.toString());
    }
}
