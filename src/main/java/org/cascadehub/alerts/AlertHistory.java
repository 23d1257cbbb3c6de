package org.cascadehub.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cascadehub.platform.Actors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every lifecycle step of an alert, with who took it: shown on the alert's page. */
@Component
public class AlertHistory {

    /** One step. */
    public record Step(
            String action, String actor, @Nullable String detail, Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(AlertId alert, String action, @Nullable String detail) {
        jdbc.sql("INSERT INTO alert_history (alert_id, action, actor, detail, at) VALUES (?, ?, ?, ?, ?)")
                .params(alert.value(), action, Actors.current().principal(), detail, Timestamp.from(clock.instant()))
                .update();
    }

    /** The steps of an alert, oldest first. Callers check that the viewer may see the alert. */
    @Transactional(readOnly = true)
    public List<Step> of(AlertId alert) {
        return jdbc.sql("SELECT action, actor, detail, at FROM alert_history WHERE alert_id = ? ORDER BY id")
                .param(alert.value())
                .query((rs, n) -> new Step(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
