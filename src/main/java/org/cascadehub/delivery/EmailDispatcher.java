package org.cascadehub.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the email outbox holds (see {@link OutboxRows} for claiming and retrying): up to
 * {@link DeliverySettings#emailConnections} connections to the mail server at once, each sending a
 * claimed batch of up to {@value #BATCH} emails before it is closed. Opening a connection per email
 * took about 50 ms each, most of an hour for an alert to a whole city. Without a mail server
 * configured ({@code SPRING_MAIL_HOST}) emails wait. A row of shared content (an alert's) is sent
 * as the content's subject and head + the row's own part + tail; the content is read once per
 * batch, not once per recipient.
 */
@Component
class EmailDispatcher extends PollingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    static final int BATCH = 50;
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final OutboxRows rows;
    private final ObjectProvider<JavaMailSender> mail;
    private final DeliverySettings settings;
    private final Backoff backoff;
    private final ParallelSends sends;
    private final AtomicBoolean warnedNoServer = new AtomicBoolean();

    EmailDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ObjectProvider<JavaMailSender> mail,
            DeliverySettings settings,
            Clock clock,
            OutboxWakeups wakeups,
            UrgentWork urgent) {
        super("email-dispatcher", "outbound_email", settings.emailPoll(), wakeups, urgent);
        this.jdbc = jdbc;
        this.rows = new OutboxRows("outbound_email", "FAILED", jdbc, transactions, clock);
        this.mail = mail;
        this.settings = settings;
        this.backoff = new Backoff(settings.emailFirstRetry(), Backoff.AN_HOUR);
        this.sends = new ParallelSends("email-send", settings.emailConnections(), this::nudge);
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
        // A connection that finishes nudges this loop again, so the outbox drains at full speed.
        while (sends.free() > 0) {
            List<Claimed> batch = rows.claim(
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
            if (batch.isEmpty()) {
                return;
            }
            sends.start(() -> send(sender, batch));
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    @Override
    void stopped() {
        sends.stop(Duration.ofSeconds(5));
    }

    /** One connection for the batch; each email that fails is retried on its own schedule. */
    private void send(JavaMailSender sender, List<Claimed> batch) {
        List<Claimed> sendable = new ArrayList<>();
        List<SimpleMailMessage> messages = new ArrayList<>();
        Map<Long, Optional<Content>> contents = new HashMap<>();
        for (Claimed email : batch) {
            try {
                messages.add(message(email, contents));
                sendable.add(email);
            } catch (AddressException | IllegalStateException e) {
                failed(email, e);
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        Map<Object, Exception> failures = new IdentityHashMap<>();
        try {
            sender.send(messages.toArray(SimpleMailMessage[]::new));
        } catch (MailSendException e) {
            failures.putAll(e.getFailedMessages());
        } catch (MailException e) {
            messages.forEach(message -> failures.put(message, e));
        }
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < sendable.size(); i++) {
            Exception failure = failures.get(messages.get(i));
            if (failure == null) {
                sent.add(sendable.get(i).id());
            } else {
                failed(sendable.get(i), failure);
            }
        }
        rows.sent(sent);
    }

    private SimpleMailMessage message(Claimed email, Map<Long, Optional<Content>> contents) throws AddressException {
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
        return message;
    }

    private Optional<Content> content(long id) {
        return jdbc.sql("SELECT subject, head, tail FROM outbound_email_content WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Content(rs.getString("subject"), rs.getString("head"), rs.getString("tail")))
                .optional();
    }

    private void failed(Claimed email, Exception e) {
        log.warn("Email {} to a recipient failed (attempt {}): {}", email.id(), email.attempts() + 1, e.getMessage());
        rows.failed(email.id(), email.attempts(), String.valueOf(e.getMessage()), settings.emailMaxAttempts(), backoff);
    }
}
