package org.cascadehub.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.cascadehub.CascadeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The harness's Cascade row against the test application (the shared {@link CascadeTest} context,
 * reached over real HTTP from the load client's own JVM): a thousand streams on {@code
 * /api/v1/stream} each receive every alert published through the API. Skipped, saying so, while
 * the build has no stream endpoint (it answers 404). The harness's tokens, written straight into
 * the database, must be ones the API accepts.
 */
@CascadeTest
class CascadeLoadHarnessTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void tokensWrittenStraightIntoTheDatabaseAreAcceptedByTheApi() throws Exception {
        StreamTokens.Issued issued = StreamTokens.issue(jdbcUrl(), 2, null);
        List<String> tokens = Files.readAllLines(issued.file());

        assertThat(tokens).hasSize(2).allMatch(token -> token.startsWith("cas_"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String token : tokens) {
                HttpResponse<String> mine = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
                assertThat(mine.body()).contains("load harness");
            }
        }
    }

    @Test
    void everyStreamReceivesEveryAlert() throws SQLException {
        HarnessSettings settings = LoadHarnessTests.quick(List.of("cascade"))
                .attachedTo("http://127.0.0.1:" + port, jdbcUrl(), ProcessHandle.current().pid());

        List<ResultTable.Row> rows = new LoadHarness(settings).run();
        System.out.println(ResultTable.print(settings, rows));

        assertThat(rows).hasSize(1);
        ResultTable.Row cascade = rows.getFirst();
        assumeThat(cascade.skippedRun()).as(cascade.note()).isFalse();
        assertThat(cascade.expected()).isEqualTo((long) LoadHarnessTests.CLIENTS * LoadHarnessTests.ALERTS);
        assertThat(cascade.delivered())
                .as("delivered (%s; runs %s)", cascade.note(), cascade.runs())
                .isEqualTo(cascade.expected());
        assertThat(cascade.median("duplicates")).as("duplicates").isZero();
    }

    private String jdbcUrl() throws SQLException {
        return dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
    }
}
