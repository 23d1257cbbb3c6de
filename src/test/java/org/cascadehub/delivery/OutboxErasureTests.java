package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.util.List;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasing a person deletes what the outboxes hold for them, sent or pending, and nothing of anyone
 * else's, not even a text message to a phone they share.
 */
@CascadeTest
class OutboxErasureTests {

    @LocalServerPort
    int port;

    @Autowired
    TestPeople testPeople;

    @Autowired
    JdbcClient jdbc;

    @Test
    void erasureDeletesTheirEmailsAndTextsSentOrPendingAndNoOneElses() {
        TestPerson erased = testPeople.create(Role.MEMBER);
        TestPerson colleague = testPeople.create(Role.MEMBER);
        String sharedPhone = "+4477009" + String.format("%05d", (int) (Math.random() * 100_000));
        jdbc.sql("UPDATE person SET phone = ? WHERE id = ?")
                .params(sharedPhone, erased.id().value())
                .update();
        long sent = email(erased.email(), "SENT");
        long pending = email(erased.email().toUpperCase(java.util.Locale.ROOT), "PENDING");
        long colleagues = email(colleague.email(), "PENDING");
        long text = sms(sharedPhone, "alert:1:sms:" + erased.id(), "PENDING");
        long reminder = sms(sharedPhone, "alert:1:reminder-sms:" + erased.id(), "SENT");
        long colleaguesText = sms(sharedPhone, "alert:1:sms:" + colleague.id(), "PENDING");
        try {
            assertThat(erase(erased, "admin@demo.test")).isEqualTo(204);

            assertThat(ids("outbound_email", sent, pending, colleagues)).containsExactly(colleagues);
            assertThat(ids("outbound_sms", text, reminder, colleaguesText)).containsExactly(colleaguesText);
        } finally {
            jdbc.sql("DELETE FROM outbound_email WHERE id = ?")
                    .param(colleagues)
                    .update();
            jdbc.sql("DELETE FROM outbound_sms WHERE id = ?")
                    .param(colleaguesText)
                    .update();
        }
    }

    @Test
    void aRefusedErasureLeavesTheirMessages() {
        TestPerson person = testPeople.create(Role.MEMBER);
        long pending = email(person.email(), "PENDING");
        try {
            assertThat(erase(person, "guard@demo.test"))
                    .as("only administrators erase")
                    .isEqualTo(403);

            assertThat(ids("outbound_email", pending)).containsExactly(pending);
        } finally {
            jdbc.sql("DELETE FROM outbound_email WHERE id = ?").param(pending).update();
        }
    }

    /** Asks to erase {@code person} as the demo account {@code as}; answers the status. */
    private int erase(TestPerson person, String as) {
        TestHttp http = new TestHttp(port);
        String token = http.token(as, "demo-password");
        return http.postJson("/api/v1/people/" + person.id() + "/erase", "{}", "Authorization", bearer(token))
                .status();
    }

    /** Queued a day ahead, so that the dispatcher leaves a pending one alone while the test looks. */
    private long email(String to, String status) {
        return jdbc.sql("""
                        INSERT INTO outbound_email (recipient, subject, body, created_at, status, next_attempt_at, sent_at)
                        VALUES (?, 'Subject', 'body', now(), ?, now() + interval '1 day',
                                CASE WHEN ? = 'SENT' THEN now() END)
                        RETURNING id
                        """).params(to, status, status).query(Long.class).single();
    }

    private long sms(String to, String key, String status) {
        return jdbc.sql("""
                        INSERT INTO outbound_sms (recipient, text, dedupe_key, created_at, status, next_attempt_at, sent_at)
                        VALUES (?, 'text', ?, now(), ?, now() + interval '1 day', CASE WHEN ? = 'SENT' THEN now() END)
                        RETURNING id
                        """).params(to, key, status, status).query(Long.class).single();
    }

    private List<Long> ids(String table, long... ids) {
        return OutboxTables.remaining(jdbc, table, ids);
    }
}
