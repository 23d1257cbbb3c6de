package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outbox rows finished longer than the retention ago are deleted, pending ones never, and shared
 * email content goes with the last email using it. The purge is asked about a moment two years
 * ahead, so that the rows written here, dated relative to it, come after every other test's in
 * time as they do in id, as a live outbox's rows do.
 */
@CascadeTest
class OutboxRetentionTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRetention retention;

    @Autowired
    DeliverySettings settings;

    private final Instant now = Instant.now().plus(Duration.ofDays(730));

    @Test
    void finishedRowsPastTheRetentionGoAndEverythingElseStays() throws InterruptedException {
        Instant cutoff = now.minus(settings.outboxRetention());
        Instant old = cutoff.minus(Duration.ofDays(5));
        Instant recent = cutoff.plus(Duration.ofDays(5));
        long unused = content("retention:" + UUID.randomUUID(), old);
        long shared = content("retention:" + UUID.randomUUID(), old);
        long sentOld = email(null, "SENT", old.minusSeconds(60), old, null, unused);
        long failedOld = email(null, "FAILED", old.minusSeconds(60), null, old, null);
        long pendingOld = email(null, "PENDING", old, null, old, shared);
        long smsOld = sms("SENT", old.minusSeconds(60), old);
        long smsPending = sms("PENDING", old, null);
        UUID subscription = subscription();
        long webhookDead = webhook(subscription, "DEAD", old.minusSeconds(60), null, old);
        long webhookSent = webhook(subscription, "SENT", recent.minusSeconds(60), recent, recent);
        // past a gap of a million ids: the walk goes on at the next row, not a million ids later
        long beyond =
                jdbc.sql("SELECT max(id) FROM outbound_email").query(Long.class).single() + 1_000_000;
        long sentOldBeyondGap = email(beyond, "SENT", old.minusSeconds(30), old, null, null);
        long sentRecent = email(beyond + 1, "SENT", recent.minusSeconds(60), recent, null, null);
        try {
            int deleted = retention.purge(now);

            assertThat(deleted).isGreaterThanOrEqualTo(6);
            assertThat(emails(sentOld, failedOld, sentOldBeyondGap)).isEmpty();
            assertThat(emails(pendingOld, sentRecent)).containsExactlyInAnyOrder(pendingOld, sentRecent);
            assertThat(ids("outbound_sms", smsOld, smsPending)).containsExactly(smsPending);
            assertThat(ids("outbound_webhook", webhookDead, webhookSent)).containsExactly(webhookSent);
            assertThat(ids("outbound_email_content", unused, shared))
                    .as("content goes with its last email; the pending one's stays")
                    .containsExactly(shared);
        } finally {
            jdbc.sql("DELETE FROM outbound_email WHERE id IN (?, ?)")
                    .params(pendingOld, sentRecent)
                    .update();
            jdbc.sql("DELETE FROM outbound_sms WHERE id = ?").param(smsPending).update();
            jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?")
                    .param(subscription)
                    .update();
            jdbc.sql("DELETE FROM outbound_email_content WHERE id = ?")
                    .param(shared)
                    .update();
        }
    }

    private long content(String key, Instant stored) {
        return jdbc.sql("""
                        INSERT INTO outbound_email_content (content_key, subject, head, tail, stored_at)
                        VALUES (?, 'Alert', 'Dear ', ', goodbye', ?) RETURNING id
                        """)
                .params(key, Timestamp.from(stored))
                .query(Long.class)
                .single();
    }

    private long email(
            @Nullable Long id,
            String status,
            Instant created,
            @Nullable Instant sent,
            @Nullable Instant lastAttempt,
            @Nullable Long content) {
        return jdbc.sql("""
                        INSERT INTO outbound_email (id, recipient, subject, body, created_at, status, next_attempt_at,
                                                    sent_at, last_attempt_at, content_id)
                        VALUES (coalesce(?, nextval('outbound_email_id_seq')), 'someone@retention.test',
                                CASE WHEN ?::bigint IS NULL THEN 'Subject' END, 'body', ?, ?, ?, ?, ?, ?)
                        RETURNING id
                        """)
                .params(
                        id,
                        content,
                        Timestamp.from(created),
                        status,
                        Timestamp.from(created),
                        timestamp(sent),
                        timestamp(lastAttempt),
                        content)
                .query(Long.class)
                .single();
    }

    private long sms(String status, Instant created, @Nullable Instant sent) {
        return jdbc.sql("""
                        INSERT INTO outbound_sms (recipient, text, created_at, status, next_attempt_at, sent_at)
                        VALUES ('+447700900123', 'text', ?, ?, ?, ?) RETURNING id
                        """)
                .params(Timestamp.from(created), status, Timestamp.from(created), timestamp(sent))
                .query(Long.class)
                .single();
    }

    private UUID subscription() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO webhook_subscription (id, organisation_id, url, secret, event_types, created_at, created_by)
                        VALUES (?, ?, 'https://partner.example/hook', 'v1:00', '{*}', now(), ?)
                        """).params(id, UUID.randomUUID(), UUID.randomUUID()).update();
        return id;
    }

    private long webhook(
            UUID subscription, String status, Instant created, @Nullable Instant sent, Instant lastAttempt) {
        return jdbc.sql("""
                        INSERT INTO outbound_webhook (subscription_id, event_type, body, dedupe_key, created_at, status,
                                                      next_attempt_at, sent_at, last_attempt_at)
                        VALUES (?, 'alert.published', '{}', ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(
                        subscription,
                        UUID.randomUUID().toString(),
                        Timestamp.from(created),
                        status,
                        Timestamp.from(created),
                        timestamp(sent),
                        Timestamp.from(lastAttempt))
                .query(Long.class)
                .single();
    }

    private List<Long> emails(long... ids) {
        return ids("outbound_email", ids);
    }

    private List<Long> ids(String table, long... ids) {
        return OutboxTables.remaining(jdbc, table, ids);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
