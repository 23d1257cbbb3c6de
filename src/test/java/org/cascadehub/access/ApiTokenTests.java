package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CascadeTest
class ApiTokenTests {

    @LocalServerPort
    int port;

    @Autowired
    TestPeople testPeople;

    @Autowired
    Credentials credentials;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TokenUse use;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void aTokenWorksOnTheApiWithItsOwnersRights() {
        String token = http.token("police@demo.test", "demo-password");

        var list = http.get("/api/v1/tokens", "Authorization", bearer(token));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.body()).doesNotContain(token);

        // The police coordinator is not an administrator.
        assertThat(http.get("/api/v1/audit", "Authorization", bearer(token)).status())
                .isEqualTo(403);
        String adminToken = http.token("admin@demo.test", "demo-password");
        assertThat(http.get("/api/v1/audit", "Authorization", bearer(adminToken))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void creationAnswersTheTokenAndWhenItExpires() {
        var created = http.postJson(
                "/api/v1/tokens",
                json(Map.of("email", "guard@demo.test", "password", "demo-password", "label", "door system")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("token").asString()).startsWith("cas_").hasSizeGreaterThan(40);
        Instant expires = Instant.parse(created.json().get("expiresAt").asString());
        assertThat(expires).isAfter(clock.instant().plus(java.time.Duration.ofDays(29)));
        assertThat(created.location())
                .contains("/api/v1/tokens/" + created.json().get("id").asString());
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        var created =
                http.postJson("/api/v1/tokens", json(Map.of("email", "guard@demo.test", "password", "demo-password")));
        String token = created.json().get("token").asString();
        UUID id = UUID.fromString(created.json().get("id").asString());

        Map<String, Object> row = jdbc.sql("SELECT * FROM api_token WHERE id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(row.values())
                .noneMatch(value -> value != null && value.toString().contains(token));
        assertThat((byte[]) row.get("token_hash")).isEqualTo(ApiTokens.sha256(token));
    }

    @Test
    void aRevokedTokenIsRefused() {
        String token = http.token("guard@demo.test", "demo-password");
        String id = http.get("/api/v1/tokens", "Authorization", bearer(token))
                .json()
                .get(0)
                .get("id")
                .asString();

        assertThat(http.delete("/api/v1/tokens/" + id, "Authorization", bearer(token))
                        .status())
                .isEqualTo(204);

        var refused = http.get("/api/v1/tokens", "Authorization", bearer(token));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("www-authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(refused.json().get("detail").asString()).contains("not valid");
    }

    @Test
    void aTokenRevokedJustAfterUseIsRefusedOnTheNextRequest() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = http.token(person.email(), person.password());
        String id = http.get("/api/v1/tokens", "Authorization", bearer(token))
                .json()
                .get(0)
                .get("id")
                .asString();
        assertThat(http.get("/api/v1/tokens", "Authorization", bearer(token)).status())
                .as("checked, and remembered for a few seconds")
                .isEqualTo(200);

        assertThat(http.delete("/api/v1/tokens/" + id, "Authorization", bearer(token))
                        .status())
                .isEqualTo(204);

        assertThat(http.get("/api/v1/tokens", "Authorization", bearer(token)).status())
                .isEqualTo(401);
    }

    @Test
    void aTokensUseIsShownAtOnceAndWrittenInABatch() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = http.token(person.email(), person.password());

        var listed = http.get("/api/v1/tokens", "Authorization", bearer(token))
                .json()
                .get(0);
        assertThat(listed.hasNonNull("lastUsedAt")).as("the use just noted").isTrue();
        UUID id = UUID.fromString(listed.get("id").asString());
        use.write();

        assertThat(jdbc.sql("SELECT last_used_at FROM api_token WHERE id = ?")
                        .param(id)
                        .query(Timestamp.class)
                        .single())
                .isNotNull();
    }

    @Test
    void usesAreWrittenInTheBulkLaneInStepsAndForgottenOnceWritten() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = http.token(person.email(), person.password());
        http.get("/api/v1/tokens", "Authorization", bearer(token));
        UUID id = UUID.fromString(http.get("/api/v1/tokens", "Authorization", bearer(token))
                .json()
                .get(0)
                .get("id")
                .asString());
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < TokenUse.STEP; i++) { // with the real one, more than one step
            others.add(UUID.randomUUID());
            use.used(others.getLast());
        }

        use.writeSoon();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_token WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(others)
                        .as("every step written, and forgotten")
                        .allSatisfy(
                                other -> assertThat(use.lastUsed(other, null)).isNull()));
    }

    @Test
    void nobodyCanRevokeSomeoneElsesToken() {
        String mine = http.token("guard@demo.test", "demo-password");
        String id = http.get("/api/v1/tokens", "Authorization", bearer(mine))
                .json()
                .get(0)
                .get("id")
                .asString();
        String theirs = http.token("security@demo.test", "demo-password");

        var attempt = http.delete("/api/v1/tokens/" + id, "Authorization", bearer(theirs));

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(http.get("/api/v1/tokens", "Authorization", bearer(mine)).status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = ApiTokens.PREFIX + "expired-" + UUID.randomUUID();
        Instant past = clock.instant().minusSeconds(60);
        jdbc.sql(
                        "INSERT INTO api_token (id, person_id, token_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        person.id().value(),
                        ApiTokens.sha256(token),
                        "old",
                        Timestamp.from(past.minusSeconds(3600)),
                        Timestamp.from(past))
                .update();

        assertThat(http.get("/api/v1/tokens", "Authorization", bearer(token)).status())
                .isEqualTo(401);
    }

    @Test
    void unknownTokensAndMalformedHeadersAreRefused() {
        assertThat(http.get("/api/v1/tokens", "Authorization", bearer("cas_nope"))
                        .status())
                .isEqualTo(401);
        assertThat(http.get("/api/v1/tokens", "Authorization", bearer("")).status())
                .isEqualTo(401);
        assertThat(http.get("/api/v1/tokens").status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        var wrongPassword =
                http.postJson("/api/v1/tokens", json(Map.of("email", "guard@demo.test", "password", "nope-nope-nope")));
        var unknown = http.postJson(
                "/api/v1/tokens",
                json(Map.of("email", "nobody-" + UUID.randomUUID() + "@demo.test", "password", "nope-nope-nope")));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void missingFieldsAreNamed() {
        var response = http.postJson("/api/v1/tokens", "{\"email\":\"\"}");

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = response.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
        assertThat(fields).containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void aSecondFactorIsNeededOnceEnrolledAndEachCodeWorksOnce() {
        TestPerson person = testPeople.create(Role.SECURITY_MANAGER);
        String secret = Totp.newSecret();
        credentials.enrolSecondFactor(person.id(), secret, Totp.step(clock.instant()) - 5);
        assertThat(jdbc.sql("SELECT totp_secret FROM credential WHERE person_id = ?")
                        .param(person.id().value())
                        .query(String.class)
                        .single())
                .as("stored sealed")
                .doesNotContain(secret);
        Map<String, String> body = new HashMap<>(Map.of("email", person.email(), "password", person.password()));

        assertThat(http.postJson("/api/v1/tokens", json(body)).status()).isEqualTo(401);
        body.put("totp", "000000".equals(Totp.code(secret, Totp.step(clock.instant()))) ? "111111" : "000000");
        assertThat(http.postJson("/api/v1/tokens", json(body)).status()).isEqualTo(401);

        body.put("totp", Totp.code(secret, Totp.step(clock.instant())));
        assertThat(http.postJson("/api/v1/tokens", json(body)).status()).isEqualTo(201);
        assertThat(http.postJson("/api/v1/tokens", json(body)).status())
                .as("a code already used is refused")
                .isEqualTo(401);
    }
}
