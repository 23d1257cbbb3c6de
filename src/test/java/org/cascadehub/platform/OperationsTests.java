package org.cascadehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CascadeTest
class OperationsTests {

    @LocalServerPort
    int port;

    @Test
    void livenessAndReadinessAreUp() {
        TestHttp http = new TestHttp(port);

        for (String probe :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = http.get(probe);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void healthDetailsAreForAdministratorsOnly() {
        assertThat(new TestHttp(port).get("/actuator/health").json().has("components"))
                .isFalse();
    }

    @Test
    void prometheusMetricsAreServedToLocalScrapers() {
        var response = new TestHttp(port).get("/actuator/prometheus");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes", "http_server_requests");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        TestHttp http = new TestHttp(port);
        var docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/tokens", "/api/v1/audit", "/api/v1/audit/verify");
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        TestHttp http = new TestHttp(port);
        String admin = http.token("admin@demo.test", "demo-password");

        assertThat(http.get("/actuator/env", "Authorization", TestHttp.bearer(admin))
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/actuator/env").status()).isIn(401, 302, 404);
    }
}
