package org.cascadehub.delivery;

import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * time: there is one mail server. Without one configured ({@code SPRING_MAIL_HOST}) emails wait. A
 * row of shared content (an alert's) is sent as the content's subject and head + the row's own part
 * + tail; the content is read once per poll, not once per recipient.
 */
@Component
class EmailDispatcher extends PollingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(5);
    /** Shared contents remembered within one poll; a poll rarely spans more than a few alerts. */
    private static final int MAX_CONTENTS = 64;

    private final JdbcClient jdbc;
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
            Clock clock) {
        super("email-dispatcher", settings.emailPoll());
        this.jdbc = jdbc;
        this.rows = new OutboxRows("outbound_email", "FAILED", jdbc, transactions, clock);
        this.mail = mail;
        this.settings = settings;
        this.backoff = new Backoff(settings.emailFirstRetry(), Backoff.AN_HOUR);
    }

    private record Claimed(
            long id,
            String to,
            @Nullable String subject,
            String body,
            @Nullable Long contentId,
            int attempts) {}

    private record Content(String subject, String head, String tail) {}

    @Override
    void poll() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            if (!warnedNoServer.getAndSet(true)) {
                log.warn("No mail server is configured (set SPRING_MAIL_HOST): emails wait in the outbox.");
            }
            return;
        }
        Map<Long, Optional<Content>> contents = new HashMap<>();
        List<Claimed> batch;
        do {
            batch = rows.claim(
                    "id, recipient, subject, body, content_id, attempts",
                    BATCH,
                    CLAIM,
                    (rs, n) -> new Claimed(
                            rs.getLong("id"),
                            rs.getString("recipient"),
                            rs.getString("subject"),
                            rs.getString("body"),
                            rs.getObject("content_id", Long.class),
                            rs.getInt("attempts")));
            if (contents.size() > MAX_CONTENTS) {
                contents.clear();
            }
            for (Claimed email : batch) {
                send(sender, email, contents);
            }
        } while (batch.size() == BATCH);
    }

    private void send(JavaMailSender sender, Claimed email, Map<Long, Optional<Content>> contents) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.mailFrom());
            message.setTo(new InternetAddress(email.to(), true).getAddress());
            Long contentId = email.contentId();
            if (contentId == null) {
                message.setSubject(email.subject());
                message.setText(email.body());
            } else {
                Content content = contents.computeIfAbsent(contentId, this::content)
                        .orElseThrow(() -> new IllegalStateException("its shared content " + contentId + " is gone"));
                message.setSubject(content.subject());
                message.setText(content.head() + email.body() + content.tail());
            }
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

    private Optional<Content> content(long id) {
        return jdbc.sql("SELECT subject, head, tail FROM outbound_email_content WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Content(rs.getString("subject"), rs.getString("head"), rs.getString("tail")))
                .optional();
    }
}
