package org.cascadehub.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable SMS outbox, sent through the configured gateway by {@link SmsDispatcher}. Like the
 * email outbox it joins the caller's transaction (and refuses to run without one), and a dedupe key
 * makes it idempotent.
 */
@Service
public class SmsOutbox {

    private static final List<String> COLUMNS =
            List.of("recipient", "text", "dedupe_key", "created_at", "next_attempt_at");

    private final OutboxInsert insert;
    private final Clock clock;
    private final SmsDispatcher dispatcher;

    SmsOutbox(JdbcTemplate jdbc, Clock clock, SmsDispatcher dispatcher) {
        this.insert = new OutboxInsert(jdbc, "outbound_sms", COLUMNS);
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * Queues one SMS unless one with the same dedupe key was queued before (a null key never
     * matches). Answers whether it was queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Sms sms, @Nullable String dedupeKey) {
        return enqueueAll(List.of(new KeyedSms(sms, dedupeKey))) == 1;
    }

    /**
     * Queues many SMS with a few multi-row statements, skipping any whose dedupe key was queued
     * before or earlier in the list. Answers how many were queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueAll(List<KeyedSms> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int queued = insert.rows(messages.stream()
                .map(keyed -> new @Nullable Object[] {
                    keyed.sms().to(), keyed.sms().text(), OutboxInsert.checkedKey(keyed.dedupeKey()), now, now
                })
                .toList());
        if (queued > 0) {
            dispatcher.nudgeAfterCommit();
        }
        return queued;
    }
}
