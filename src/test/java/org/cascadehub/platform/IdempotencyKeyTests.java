package org.cascadehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CascadeTest
class IdempotencyKeyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestPeople testPeople;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothingNew() {
        TestHttp http = new TestHttp(port);
        String admin = http.token("admin@demo.test", "demo-password");
        String key = UUID.randomUUID().toString();
        String body = json(Map.of("name", "Idempotent group " + key, "members", java.util.List.of()));

        Response first =
                http.postJson("/api/v1/sharing-groups", body, "Authorization", bearer(admin), "Idempotency-Key", key);
        Response retry =
                http.postJson("/api/v1/sharing-groups", body, "Authorization", bearer(admin), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("idempotent-replayed")).hasValue("true");
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(jdbc.sql("SELECT count(*) FROM sharing_group WHERE name = ?")
                        .param("Idempotent group " + key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        TestHttp http = new TestHttp(port);
        String admin = http.token("admin@demo.test", "demo-password");
        String key = UUID.randomUUID().toString();

        http.postJson(
                "/api/v1/sharing-groups",
                json(Map.of("name", "Group A " + key)),
                "Authorization",
                bearer(admin),
                "Idempotency-Key",
                key);
        Response other = http.postJson(
                "/api/v1/sharing-groups",
                json(Map.of("name", "Group B " + key)),
                "Authorization",
                bearer(admin),
                "Idempotency-Key",
                key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("detail").asString()).contains("different request");
    }

    @Test
    void keysBelongToTheirCaller() {
        TestHttp http = new TestHttp(port);
        String key = UUID.randomUUID().toString();
        String admin = http.token("admin@demo.test", "demo-password");
        TestPerson other = testPeople.create(Role.ADMINISTRATOR);
        String otherAdmin = http.token(other.email(), other.password());

        Response mine = http.postJson(
                "/api/v1/sharing-groups",
                json(Map.of("name", "Mine " + key)),
                "Authorization",
                bearer(admin),
                "Idempotency-Key",
                key);
        Response theirs = http.postJson(
                "/api/v1/sharing-groups",
                json(Map.of("name", "Theirs " + key)),
                "Authorization",
                bearer(otherAdmin),
                "Idempotency-Key",
                key);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status())
                .as("the same key from someone else is a new request")
                .isEqualTo(201);
        assertThat(theirs.header("idempotent-replayed")).isEmpty();
        assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
    }

    @Test
    void aMalformedKeyIsNamed() {
        TestHttp http = new TestHttp(port);
        String admin = http.token("admin@demo.test", "demo-password");

        Response response = http.postJson(
                "/api/v1/sharing-groups", "{}", "Authorization", bearer(admin), "Idempotency-Key", "x".repeat(201));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("Idempotency-Key");
    }
}
