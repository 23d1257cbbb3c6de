package org.cascadehub.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.zaxxer.hikari.HikariDataSource;
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
 * the build has no stream endpoint (it answers 404).
 */
@CascadeTest
class CascadeLoadHarnessTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void everyStreamReceivesEveryAlert() throws SQLException {
        String jdbcUrl = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        HarnessSettings settings = LoadHarnessTests.quick(List.of("cascade"))
                .attachedTo("http://127.0.0.1:" + port, jdbcUrl, ProcessHandle.current().pid());

        List<ResultTable.Row> rows = new LoadHarness(settings).run();
        System.out.println(ResultTable.print(settings, rows));

        assertThat(rows).hasSize(1);
        ResultTable.Row cascade = rows.getFirst();
        assumeThat(cascade.skippedRun()).as(cascade.note()).isFalse();
        assertThat(cascade.expected()).isEqualTo((long) LoadHarnessTests.CLIENTS * LoadHarnessTests.ALERTS);
        assertThat(cascade.delivered()).as("delivered").isEqualTo(cascade.expected());
        assertThat(cascade.median("duplicates")).as("duplicates").isZero();
    }
}
