package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.cascadehub.CascadeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS go from the outbox to the gateway over real HTTP: here demo mode's stand-in gateway, which the
 * application started. Where a test needs the next retry now rather than after its backoff, it
 * moves the row's due time.
 */
@CascadeTest
class SmsDeliveryTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    SmsStandIn standIn;

    @Autowired
    SmsOutbox outbox;

    @Autowired
    SmsSettings settings;

    @Autowired
    SmsDispatcher dispatcher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMessageReachesTheGatewayWithItsOutboxReference() {
        String number = newNumber();

        assertThat(enqueue(new Sms(number, "Road closed at the Strand until 18:00"), "alert:1:" + number))
                .isTrue();

        await().atMost(WAIT).until(() -> standIn.messagesTo(number).size() == 1);
        SmsStandIn.Received received = standIn.messagesTo(number).getFirst();
        assertThat(received.text()).isEqualTo("Road closed at the Strand until 18:00");
        Row row = row(number);
        assertThat(received.reference()).isEqualTo(Long.toString(row.id()));
        await().atMost(WAIT).until(() -> row(number).status().equals("SENT"));
    }

    @Test
    void aRefusedMessageIsRetriedAfterABackoff() {
        String number = newNumber();
        quiet();
        standIn.failNext(1);

        enqueue(new Sms(number, "First try fails"), null);

        await().atMost(WAIT).until(() -> row(number).attempts() == 1);
        Row failed = row(number);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.lastError()).contains("HTTP 503");
        assertThat(failed.backoff())
                .isBetween(settings.firstRetry(), settings.firstRetry().plusMinutes(1));
        assertThat(standIn.messagesTo(number)).isEmpty();

        dueNow(number);

        await().atMost(WAIT).until(() -> row(number).status().equals("SENT"));
        assertThat(row(number).attempts()).isEqualTo(2);
        assertThat(standIn.messagesTo(number)).hasSize(1);
    }

    @Test
    void aMessageIsGivenUpAfterItsLastAttempt() {
        String number = newNumber();
        quiet();
        standIn.failNext(1);
        enqueue(new Sms(number, "Never arrives"), null);
        await().atMost(WAIT).until(() -> row(number).attempts() == 1);

        // Skip to the last attempt rather than wait through every backoff; it fails too.
        quiet();
        standIn.failNext(1);
        jdbc.sql("UPDATE outbound_sms SET attempts = ?, next_attempt_at = now() WHERE recipient = ?")
                .params(settings.maxAttempts() - 1, number)
                .update();
        dispatcher.nudge(); // it would otherwise sleep until the retry it knew of

        await().atMost(WAIT).until(() -> row(number).status().equals("FAILED"));
        assertThat(row(number).attempts()).isEqualTo(settings.maxAttempts());
        assertThat(standIn.messagesTo(number)).isEmpty();
    }

    @Test
    void theSameDedupeKeyQueuesOneMessage() {
        String number = newNumber();

        assertThat(enqueue(new Sms(number, "Once"), "alert:9:" + number)).isTrue();
        assertThat(enqueue(new Sms(number, "Once"), "alert:9:" + number)).isFalse();

        await().atMost(WAIT).until(() -> standIn.messagesTo(number).size() == 1);
        assertThat(count(number)).isEqualTo(1);
    }

    @Test
    void manyMessagesAreQueuedTogetherSkippingRepeatedKeys() {
        String first = newNumber();
        String second = newNumber();

        int queued = transactions.execute(status -> outbox.enqueueAll(List.of(
                new KeyedSms(new Sms(first, "One"), "batch:" + first),
                new KeyedSms(new Sms(first, "One again"), "batch:" + first),
                new KeyedSms(new Sms(second, "Two"), null),
                new KeyedSms(new Sms(second, "Two, no key"), null))));

        assertThat(queued).isEqualTo(3);
        assertThat(count(first)).isEqualTo(1);
        assertThat(count(second)).isEqualTo(2);
        await().atMost(WAIT).until(() -> standIn.messagesTo(second).size() == 2);
    }

    @Test
    void queueingNeedsATransaction() {
        assertThatThrownBy(() -> outbox.enqueue(new Sms(newNumber(), "No transaction"), null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void onlyPhoneNumbersAndRealTextsAreMessages() {
        assertThatThrownBy(() -> new Sms("020 7946 0000", "x")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> new Sms("+447700900123", " ")).hasMessageContaining("1 to 1,600");
        assertThatThrownBy(() -> new Sms("+447700900123", "x".repeat(1_601))).hasMessageContaining("1 to 1,600");
    }

    private boolean enqueue(Sms sms, String key) {
        return transactions.execute(status -> outbox.enqueue(sms, key));
    }

    private static String newNumber() {
        return "+4477009" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    }

    record Row(long id, String status, int attempts, String lastError, Duration backoff) {}

    private Row row(String number) {
        return jdbc.sql("""
                SELECT id, status, attempts, coalesce(last_error, '') AS last_error,
                       extract(epoch FROM next_attempt_at - last_attempt_at) * 1000 AS wait_ms
                FROM outbound_sms WHERE recipient = ?
                """)
                .param(number)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        Duration.ofMillis(rs.getLong("wait_ms"))))
                .single();
    }

    private long count(String number) {
        return jdbc.sql("SELECT count(*) FROM outbound_sms WHERE recipient = ?")
                .param(number)
                .query(Long.class)
                .single();
    }

    /** Waits until nothing else is due, so a failure the stand-in is told to give is this test's. */
    private void quiet() {
        await().atMost(WAIT)
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM outbound_sms WHERE status = 'PENDING' AND next_attempt_at <= now()")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private void dueNow(String number) {
        jdbc.sql("UPDATE outbound_sms SET next_attempt_at = now() WHERE recipient = ?")
                .param(number)
                .update();
        dispatcher.nudge(); // it would otherwise sleep until the retry it knew of
    }
}
