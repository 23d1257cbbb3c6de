package org.cascadehub.delivery;

import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Rows are claimed in a short transaction (SKIP LOCKED, so several
 * nodes share the work), sent outside any transaction, then marked sent or rescheduled with
 * exponential backoff. Without a mail server configured ({@code SPRING_MAIL_HOST}) emails wait.
 */
@Component
class EmailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mail;
    private final DeliverySettings settings;
    private final Clock clock;
    private final AtomicBoolean warnedNoServer = new AtomicBoolean();

    EmailDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ObjectProvider<JavaMailSender> mail,
            DeliverySettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    private record Claimed(long id, String to, String subject, String body, int attempts) {}

    @Scheduled(fixedDelayString = "${cascade.delivery.email-poll:PT1S}")
    void dispatch() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            if (!warnedNoServer.getAndSet(true)) {
                log.warn("No mail server is configured (set SPRING_MAIL_HOST): emails wait in the outbox.");
            }
            return;
        }
        List<Claimed> batch;
        do {
            batch = claim();
            for (Claimed email : batch) {
                send(sender, email);
            }
        } while (batch.size() == BATCH);
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        return transactions.execute(status -> jdbc.sql("""
                UPDATE outbound_email SET claimed_until = ?
                WHERE id IN (SELECT id FROM outbound_email
                             WHERE status = 'PENDING' AND next_attempt_at <= ?
                               AND (claimed_until IS NULL OR claimed_until < ?)
                             ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient, subject, body, attempts
                """)
                .params(Timestamp.from(now.plus(CLAIM)), Timestamp.from(now), Timestamp.from(now), BATCH)
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list());
    }

    private void send(JavaMailSender sender, Claimed email) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.mailFrom());
            message.setTo(new InternetAddress(email.to(), true).getAddress());
            message.setSubject(email.subject());
            message.setText(email.body());
            sender.send(message);
            jdbc.sql(
                            "UPDATE outbound_email SET status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = NULL WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), email.id())
                    .update();
        } catch (Exception e) {
            int attempts = email.attempts() + 1;
            boolean giveUp = attempts >= settings.emailMaxAttempts();
            Duration wait = backoff(attempts);
            log.warn("Email {} to a recipient failed (attempt {}): {}", email.id(), attempts, e.getMessage());
            jdbc.sql("""
                    UPDATE outbound_email SET attempts = ?, status = ?, next_attempt_at = ?, last_error = ?, claimed_until = NULL
                    WHERE id = ?
                    """)
                    .params(
                            attempts,
                            giveUp ? "FAILED" : "PENDING",
                            Timestamp.from(clock.instant().plus(wait)),
                            String.valueOf(e.getMessage()),
                            email.id())
                    .update();
        }
    }

    Duration backoff(int attempts) {
        Duration wait = settings.emailFirstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
