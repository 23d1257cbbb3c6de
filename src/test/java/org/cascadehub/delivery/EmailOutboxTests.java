package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queueing email is idempotent by dedupe key, alone or many at once, and only inside a transaction;
 * the dispatcher sends many over a few connections, each once, and one that cannot be sent is
 * retried alone.
 */
@CascadeTest
class EmailOutboxTests {

    @Autowired
    EmailOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail greenMail;

    @Test
    void theSameDedupeKeyTwiceSendsOneEmail() {
        String to = newAddress();
        Email email = new Email(to, "Alert: road closed", "The Strand is closed.");

        boolean first = transactions.execute(status -> outbox.enqueue(email, "alert:1:" + to));
        boolean again = transactions.execute(status -> outbox.enqueue(email, "alert:1:" + to));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(count(to)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestMail.messagesTo(greenMail, to).size() == 1);
    }

    @Test
    void emailsWithoutAKeyAreNeverTakenForRepeats() {
        String to = newAddress();
        Email email = new Email(to, "Welcome", "Hello");

        transactions.executeWithoutResult(status -> outbox.enqueue(email));
        transactions.executeWithoutResult(status -> outbox.enqueue(email, null));

        assertThat(count(to)).isEqualTo(2);
    }

    @Test
    void manyEmailsAreQueuedTogetherSkippingKeysAlreadyQueued() {
        String to = newAddress();
        transactions.execute(status -> outbox.enqueue(new Email(to, "Earlier", "Sent before"), "batch:0:" + to));

        int queued = transactions.execute(status -> outbox.enqueueAll(List.of(
                new KeyedEmail(new Email(to, "Zero again", "Already queued"), "batch:0:" + to),
                new KeyedEmail(new Email(to, "One", "First"), "batch:1:" + to),
                new KeyedEmail(new Email(to, "One again", "Same key in the same list"), "batch:1:" + to),
                new KeyedEmail(new Email(to, "Two", "No key"), null))));

        assertThat(queued).isEqualTo(2);
        assertThat(jdbc.sql("SELECT subject FROM outbound_email WHERE recipient = ? ORDER BY id")
                        .param(to)
                        .query(String.class)
                        .list())
                .containsExactly("Earlier", "One", "Two");
    }

    @Test
    void aLargeBatchIsQueuedInChunks() {
        String domain = UUID.randomUUID() + ".example.test";
        List<KeyedEmail> emails = java.util.stream.IntStream.range(0, 2_500)
                .mapToObj(i -> new KeyedEmail(new Email("p" + i + "@" + domain, "Batch", "Body"), domain + ":" + i))
                .toList();

        // Rolled back once counted, so the shared mail server is not kept busy with them.
        long[] counted = transactions.execute(status -> {
            int queued = outbox.enqueueAll(emails);
            long stored = jdbc.sql("SELECT count(*) FROM outbound_email WHERE recipient LIKE ?")
                    .param("%@" + domain)
                    .query(Long.class)
                    .single();
            status.setRollbackOnly();
            return new long[] {queued, stored};
        });

        assertThat(counted).containsExactly(2_500, 2_500);
    }

    @Test
    void queueingNeedsATransaction() {
        Email email = new Email(newAddress(), "No transaction", "Refused");

        assertThatThrownBy(() -> outbox.enqueue(email, "k")).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> outbox.enqueueAll(List.of(new KeyedEmail(email, null))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void manyBatchesAreEachSentOnceAndOneBadAddressFailsAlone() {
        String domain = UUID.randomUUID() + ".example.test";
        int count = EmailDispatcher.BATCH * 3 + 7; // several batches, the last one short
        List<KeyedEmail> emails = IntStream.range(0, count)
                .mapToObj(i -> new KeyedEmail(
                        new Email(
                                i == 60 ? "not an address@" + domain : "p" + i + "@" + domain,
                                "Batch " + i,
                                "Body " + i),
                        domain + ":" + i))
                .toList();

        transactions.executeWithoutResult(status -> outbox.enqueueAll(emails));

        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(domain).getOrDefault("SENT", 0L) == count - 1);
        Map<String, Long> received = Arrays.stream(greenMail.getReceivedMessages())
                .map(EmailOutboxTests::recipient)
                .filter(to -> to.endsWith("@" + domain))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(received)
                .hasSize(count - 1)
                .allSatisfy((to, times) -> assertThat(times).as(to).isEqualTo(1));
        assertThat(received).doesNotContainKey("not an address@" + domain);
        assertThat(jdbc.sql("SELECT status, attempts, last_error IS NOT NULL FROM outbound_email WHERE recipient = ?")
                        .param("not an address@" + domain)
                        .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getBoolean(3))
                        .single())
                .as("the bad address waits for its retry")
                .isEqualTo("PENDING 1 true");
    }

    private Map<String, Long> statuses(String domain) {
        return jdbc
                .sql("SELECT status, count(*) FROM outbound_email WHERE recipient LIKE ? GROUP BY status")
                .param("%@" + domain)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String to) {
        return jdbc.sql("SELECT count(*) FROM outbound_email WHERE recipient = ?")
                .param(to)
                .query(Long.class)
                .single();
    }

    private static String newAddress() {
        return "outbox-" + UUID.randomUUID() + "@example.test";
    }
}
