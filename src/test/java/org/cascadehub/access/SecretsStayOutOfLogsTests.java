package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.json;

import java.util.Map;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Passwords and tokens never reach the logs, even with debug logging on for the web and security. */
@CascadeTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTests {

    private static final String[] NOISY = {"org.springframework.security", "org.springframework.web", "org.cascadehub"};

    @LocalServerPort
    int port;

    @Autowired
    TestPeople testPeople;

    @Autowired
    LoggingSystem logging;

    @AfterEach
    void quiet() {
        for (String logger : NOISY) {
            logging.setLogLevel(logger, null);
        }
    }

    @Test
    void signInsAndTokensLeaveNoSecretInTheOutput(CapturedOutput output) {
        for (String logger : NOISY) {
            logging.setLogLevel(logger, LogLevel.DEBUG);
        }
        TestPerson person = testPeople.create(Role.MEMBER);
        TestHttp http = new TestHttp(port);

        http.signIn(person.email(), person.password());
        http.signIn(person.email(), "a-wrong-password-never-to-be-logged");
        String token = http.token(person.email(), person.password());
        http.get("/api/v1/tokens", "Authorization", TestHttp.bearer(token));
        http.postJson("/api/v1/tokens", json(Map.of("email", person.email(), "password", "another-wrong-one-xyz")));

        assertThat(output.getAll())
                .as("debug logging was on")
                .contains("DEBUG")
                .doesNotContain(person.password())
                .doesNotContain("a-wrong-password-never-to-be-logged")
                .doesNotContain("another-wrong-one-xyz")
                .doesNotContain(token)
                .doesNotContain(token.substring(4));
    }
}
