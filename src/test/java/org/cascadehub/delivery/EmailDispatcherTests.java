package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher sends many emails over a few connections, each exactly once, and an email that
 * cannot be sent is retried on its own without holding back the others in its batch.
 */
@CascadeTest
class EmailDispatcherTests {

    @Autowired
    EmailOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail greenMail;

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
                .map(EmailDispatcherTests::recipient)
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
}
