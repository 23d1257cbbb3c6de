package org.cascadehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administrators can see what the outbox holds; in demo mode (as here) with the bodies. */
@CascadeTest
class OutboxAccessTests {

    @LocalServerPort
    int port;

    @Test
    void administratorsSeeRecentEmailsAndOthersDoNot() {
        TestHttp http = new TestHttp(port);
        String applicant = "outbox-" + UUID.randomUUID() + "@example.test";
        http.postJson(
                "/api/v1/applications",
                json(Map.of(
                        "organisation",
                        Map.of("name", "Outbox Shop " + applicant, "kind", "BUSINESS", "sectors", List.of("retail")),
                        "applicantName",
                        "Pat Outbox",
                        "applicantEmail",
                        applicant)));
        String admin = http.token("admin@demo.test", "demo-password");
        String guard = http.token("guard@demo.test", "demo-password");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                http.get("/api/v1/outbox/emails?limit=500", "Authorization", bearer(admin))
                                        .json()
                                        .valueStream())
                        .anySatisfy(email -> {
                            assertThat(email.get("to").asString()).isEqualTo(applicant);
                            assertThat(email.get("body").asString()).contains("We have your application");
                        }));
        assertThat(http.get("/api/v1/outbox/emails", "Authorization", bearer(guard))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/outbox/emails").status()).isEqualTo(401);
    }
}
