package org.cascadehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.cascadehub.process.CascadeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application started as a user starts it, failing to start: it must say why in one line and
 * exit with a non-zero code, without a stack trace.
 */
class StartupFailureProcessTests {

    @RegisterExtension
    final CascadeProcess.Launcher launcher = new CascadeProcess.Launcher();

    @Test
    void unreachableDatabaseIsNamedInOneLineAndTheProcessExits() {
        int closedPort = CascadeProcess.freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/cascade";

        CascadeProcess cascade = launcher.start(
                CascadeProcess.freePort(), Map.of("CASCADE_DB_URL", url, "CASCADE_DB_USER", "cascade"), List.of());

        assertThat(cascade.awaitExit(CascadeProcess.START_TIMEOUT)).isNotZero();
        assertThat(cascade.outputLines())
                .filteredOn(line -> line.contains("Cannot connect to the database at " + url + ": "))
                .singleElement()
                .asString()
                .contains("Connection to 127.0.0.1:" + closedPort + " refused");
        assertNoStackTrace(cascade);
    }

    @Test
    void portInUseIsNamedAndTheProcessExits() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = occupied.getLocalPort();

            CascadeProcess cascade =
                    launcher.startDemo(port, launcher.directory().resolve("postgres"));

            assertThat(cascade.awaitExit(CascadeProcess.START_TIMEOUT)).isNotZero();
            assertThat(cascade.output()).contains("Port " + port + " was already in use");
            assertNoStackTrace(cascade);
            assertThat(CascadeProcess.processesMentioning(launcher.directory()))
                    .as("the embedded PostgreSQL stopped with the application")
                    .isEmpty();
        }
    }

    /** What a user sees is the failure analysis, not Java internals. */
    private static void assertNoStackTrace(CascadeProcess cascade) {
        assertThat(cascade.outputLines())
                .as("output of a failed start")
                .noneMatch(line -> line.matches("\\s+at [\\w$.]+\\(.*\\)"))
                .noneMatch(line -> line.startsWith("Caused by: "))
                .noneMatch(line -> line.contains("Error creating bean"))
                .anyMatch(line -> line.equals("APPLICATION FAILED TO START"));
        assertThat(cascade.output()).doesNotContain("\tat ");
    }
}
