package org.cascadehub.delivery;

import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the email outbox holds (see {@link OutboxRows} for claiming and retrying), one at a
 * time: there is one mail server. Without one configured ({@code SPRING_MAIL_HOST}) emails wait.
 */
@Component
class EmailDispatcher extends PollingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final OutboxRows rows;
    private final ObjectProvider<JavaMailSender> mail;
    private final DeliverySettings settings;
    private final Backoff backoff;
    private final AtomicBoolean warnedNoServer = new AtomicBoolean();

    EmailDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ObjectProvider<JavaMailSender> mail,
            DeliverySettings settings,
            Clock clock,
            OutboxWakeups wakeups) {
        super("email-dispatcher", "outbound_email", settings.emailPoll(), wakeups);
        this.rows = new OutboxRows("outbound_email", "FAILED", jdbc, transactions, clock);
        this.mail = mail;
        this.settings = settings;
        this.backoff = new Backoff(settings.emailFirstRetry(), Backoff.AN_HOUR);
    }

    private record Claimed(long id, String to, String subject, String body, int attempts) {}

    @Override
    @Nullable
    Duration untilNextDue() {
        return rows.untilNextDue();
    }

    @Override
    void poll() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            if (!warnedNoServer.getAndSet(true)) {
                log.warn("No mail server is configured (set SPRING_MAIL_HOST): emails wait in the outbox.");
            }
            return;
        }
        List<Claimed> batch;
        do {
            batch = rows.claim(
                    "id, recipient, subject, body, attempts",
                    BATCH,
                    CLAIM,
                    (rs, n) -> new Claimed(
                            rs.getLong("id"),
                            rs.getString("recipient"),
                            rs.getString("subject"),
                            rs.getString("body"),
                            rs.getInt("attempts")));
            for (Claimed email : batch) {
                send(sender, email);
            }
        } while (batch.size() == BATCH);
    }

    private void send(JavaMailSender sender, Claimed email) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.mailFrom());
            message.setTo(new InternetAddress(email.to(), true).getAddress());
            message.setSubject(email.subject());
            message.setText(email.body());
            sender.send(message);
            rows.sent(email.id());
        } catch (Exception e) {
            log.warn(
                    "Email {} to a recipient failed (attempt {}): {}",
                    email.id(),
                    email.attempts() + 1,
                    e.getMessage());
            rows.failed(
                    email.id(), email.attempts(), String.valueOf(e.getMessage()), settings.emailMaxAttempts(), backoff);
        }
    }
}
