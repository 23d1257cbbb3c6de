package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Queueing email is idempotent by dedupe key, alone or many at once, and only inside a transaction. */
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
