package org.cascadehub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.platform.Actor;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@CascadeTest
class AuditLogTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;
    String adminToken;

    @BeforeEach
    void signIn() {
        http = new TestHttp(port);
        adminToken = http.token("admin@demo.test", "demo-password");
    }

    @Test
    void signInSuccessAndFailureAreRecordedWithWhoAndWhere() {
        String unknown = "intruder-" + UUID.randomUUID() + "@example.test";
        http.postJson("/api/v1/tokens", json(Map.of("email", unknown, "password", "guess-guess-guess")));
        http.token("guard@demo.test", "demo-password");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> entries = recentEntries();
            assertThat(entries).anySatisfy(entry -> {
                assertThat(entry.get("action").asString()).isEqualTo("SignInFailed");
                assertThat(entry.get("actor").asString()).isEqualTo(unknown);
                assertThat(entry.get("address").asString()).isEqualTo("127.0.0.1");
                assertThat(entry.get("detail").get("reason").asString()).isEqualTo("unknown account");
            });
            assertThat(entries).anySatisfy(entry -> {
                assertThat(entry.get("action").asString()).isEqualTo("ApiTokenCreated");
                assertThat(entry.get("actor").asString()).isEqualTo("guard@demo.test");
            });
        });
    }

    @Test
    void theLogNeverHoldsPasswordsOrTokens() {
        String token = http.token("guard@demo.test", "demo-password");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(recentEntries())
                        .anyMatch(e -> e.get("action").asString().equals("ApiTokenCreated")));
        String everything = String.join(
                "\n",
                jdbc.sql("SELECT actor || action || detail FROM audit_entry")
                        .query(String.class)
                        .list());
        assertThat(everything).doesNotContain("demo-password").doesNotContain(token);
    }

    @Test
    void anIntactChainVerifies() {
        log.append(new Actor("tester", "192.0.2.1"), "TestHappened", "{\"n\":1}");

        var verification = http.get("/api/v1/audit/verify", "Authorization", bearer(adminToken));

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("intact").asBoolean()).isTrue();
        assertThat(verification.json().get("entriesChecked").asLong()).isPositive();
    }

    @Test
    void changingAStoredEntryIsFoundByTheCheck() {
        AuditEntry target = log.append(new Actor("tester", "192.0.2.1"), "TestHappened", "{\"n\":2}");
        log.append(new Actor("tester", "192.0.2.1"), "TestHappened", "{\"n\":3}");
        try {
            // An attacker with database access, bypassing the append-only trigger.
            tamper("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = " + target.seq());

            var verification = http.get("/api/v1/audit/verify", "Authorization", bearer(adminToken))
                    .json();

            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(target.seq());
            assertThat(verification.get("problem").asString()).contains("does not match its hash");
        } finally {
            tamper("UPDATE audit_entry SET actor = 'tester' WHERE seq = " + target.seq());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void removingAnEntryIsFoundByTheCheck() {
        AuditEntry target = log.append(new Actor("tester", null), "TestHappened", "{\"n\":4}");
        log.append(new Actor("tester", null), "TestHappened", "{\"n\":5}");
        try {
            tamper("DELETE FROM audit_entry WHERE seq = " + target.seq());

            ChainVerification verification = log.verify();

            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBrokenSeq()).isEqualTo(target.seq() + 1);
            assertThat(verification.problem()).contains("entry " + target.seq() + " is missing");
        } finally {
            tamper("INSERT INTO audit_entry VALUES (" + target.seq() + ", '" + target.at() + "', 'tester', NULL, "
                    + "'TestHappened', '{\"n\":4}', '" + target.previousHash() + "', '" + target.hash() + "')");
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        AuditEntry entry = log.append(new Actor("tester", null), "TestHappened", "{}");

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'x' WHERE seq = ?")
                        .param(entry.seq())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE seq = ?")
                        .param(entry.seq())
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void onlyAdministratorsReadTheLog() {
        String police = http.token("police@demo.test", "demo-password");

        assertThat(http.get("/api/v1/audit", "Authorization", bearer(police)).status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/audit/verify", "Authorization", bearer(police))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/audit").status()).isEqualTo(401);
    }

    @Test
    void readingIsByTimeRangeAndPages() {
        Instant from = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            log.append(new Actor("pager", null), "TestHappened", "{\"i\":" + i + "}");
        }
        String to = Instant.now().plusSeconds(1).toString();

        var first = http.get("/api/v1/audit?limit=2&from=" + from + "&to=" + to, "Authorization", bearer(adminToken))
                .json();
        long next = first.get("nextAfter").asLong();
        var second = http.get(
                        "/api/v1/audit?limit=1000&after=" + next + "&from=" + from + "&to=" + to,
                        "Authorization",
                        bearer(adminToken))
                .json();

        assertThat(first.get("entries")).hasSize(2);
        assertThat(second.get("entries").size()).isGreaterThanOrEqualTo(1);
        assertThat(second.get("entries").get(0).get("seq").asLong()).isGreaterThan(next);
    }

    @Test
    void badParametersAreNamed() {
        var badFrom = http.get("/api/v1/audit?from=yesterday", "Authorization", bearer(adminToken));
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.json().get("detail").asString()).contains("'from'").contains("ISO-8601");

        var badLimit = http.get("/api/v1/audit?limit=0", "Authorization", bearer(adminToken));
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("detail").asString()).contains("'limit'");

        var backwards = http.get(
                "/api/v1/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "Authorization", bearer(adminToken));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("detail").asString()).contains("'from' must be before 'to'");
    }

    private List<JsonNode> recentEntries() {
        String from = Instant.now().minus(Duration.ofMinutes(5)).toString();
        return http.get("/api/v1/audit?limit=1000&from=" + from, "Authorization", bearer(adminToken))
                .json()
                .get("entries")
                .valueStream()
                .toList();
    }

    private void tamper(String sql) {
        jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete")
                .update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete")
                    .update();
        }
    }
}
