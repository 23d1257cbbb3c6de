package org.cascadehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cascadehub.process.CascadeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode started, killed with SIGKILL and started again on the same data directory, as a user
 * does with {@code kill -9} or a crash: the next start must open (or finish migrating) the database
 * and keep what was committed.
 */
class CrashRecoveryProcessTests {

    private static final Duration START = CascadeProcess.START_TIMEOUT;
    private static final JsonMapper json = JsonMapper.builder().build();

    @RegisterExtension
    final CascadeProcess.Launcher launcher = new CascadeProcess.Launcher();

    @Test
    void killedDuringInitdbOrMigrationTheNextStartStillOpensTheDatabase() throws InterruptedException {
        Path data = launcher.directory().resolve("postgres");
        int port = CascadeProcess.freePort();

        CascadeProcess duringInitdb = launcher.startDemo(port, data);
        duringInitdb.awaitDescendant(c -> c.contains("initdb"), "initdb", START);
        awaitFile(data.resolve("postgresql.conf"), duringInitdb);
        duringInitdb.killWithDescendants();
        assertThat(data.resolve("postgresql.conf"))
                .as("a half-made cluster that looks complete")
                .exists();

        CascadeProcess duringMigration = launcher.startDemo(port, data);
        duringMigration.awaitLine("Migrating schema", START);
        duringMigration.kill();
        assertThat(duringMigration.output()).contains("its database was never started");

        CascadeProcess recovered = launcher.startDemo(port, data);
        recovered.awaitReady(START);
        assertThat(recovered.output()).contains("left running by an earlier Cascade process");
        assertThat(signIn(recovered).statusCode()).isEqualTo(201);

        recovered.stop(Duration.ofSeconds(90));
        assertThat(recovered.output())
                .as("a graceful stop closes the database after everything that uses it")
                .doesNotContain("destroy method failed")
                .doesNotContain("Failed to validate connection");
    }

    @Test
    void killedWhileRunningTheNextStartKeepsTheData() {
        Path data = launcher.directory().resolve("postgres");
        int port = CascadeProcess.freePort();

        CascadeProcess first = launcher.startDemo(port, data);
        first.awaitReady(START);
        HttpResponse<String> created = signIn(first);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode token = json.readTree(created.body());
        first.kill();

        CascadeProcess second = launcher.startDemo(port, data);
        second.awaitReady(START);
        HttpResponse<String> tokens = second.send(HttpRequest.newBuilder(second.uri("/api/v1/tokens"))
                .header("Authorization", "Bearer " + token.get("token").asString()));
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(tokens.body()).contains(token.get("id").asString());
    }

    @Test
    void demoModeListensOnLoopbackOnlyWhateverItIsTold() throws SocketException {
        int port = CascadeProcess.freePort();

        CascadeProcess cascade =
                launcher.startDemo(port, launcher.directory().resolve("postgres"), "--server.address=0.0.0.0");
        cascade.awaitReady(START);

        assertThat(cascade.output()).contains("listening on 127.0.0.1 only");
        List<InetAddress> elsewhere = nonLoopbackIpv4Addresses();
        assumeThat(elsewhere).as("a non-loopback IPv4 address to try").isNotEmpty();
        for (InetAddress address : elsewhere) {
            assertThatExceptionOfType(IOException.class)
                    .as("connecting on %s:%d", address.getHostAddress(), port)
                    .isThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(address, port), 3000);
                        }
                    });
        }
    }

    private static HttpResponse<String> signIn(CascadeProcess cascade) {
        return cascade.send(HttpRequest.newBuilder(cascade.uri("/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"police@demo.test\",\"password\":\"demo-password\"}")));
    }

    private static void awaitFile(Path file, CascadeProcess by) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (!Files.exists(file)) {
            assertThat(System.nanoTime()).as("%s written by initdb", file).isLessThan(deadline);
            assertThat(by.isAlive()).as("process still starting").isTrue();
            Thread.sleep(5);
        }
    }

    private static List<InetAddress> nonLoopbackIpv4Addresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(CrashRecoveryProcessTests::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .toList();
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
