package org.cascadehub.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-way messages on a report between the police and the reporter's organisation; nobody else
 * reads or writes them ({@link ReportPolicy#canMessage}). A police message is feedback to the
 * reporter, and the first one may be the first police response.
 */
@Service
public class ReportMessages {

    static final int BODY_MAX = 5_000;

    private final JdbcClient jdbc;
    private final Reports reports;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportMessages(JdbcClient jdbc, Reports reports, People people, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ReportMessage post(Viewer viewer, ReportId id, @Nullable String body) {
        reports.participating(viewer, id);
        String text = ReportTriage.text("body", body, BODY_MAX);
        if (text == null) {
            throw InvalidInput.of("body", "Write a message");
        }
        boolean fromPolice = ReportPolicy.isPolice(viewer);
        Instant now = clock.instant();
        long messageId = jdbc.sql("""
                INSERT INTO report_message (report_id, author_id, author_name, organisation_id, from_police, body,
                  posted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
                .params(
                        id.value(),
                        viewer.personId().value(),
                        people.findById(viewer.personId()).map(p -> p.name()).orElse(""),
                        viewer.organisationId().value(),
                        fromPolice,
                        text,
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        if (fromPolice) {
            jdbc.sql("""
                    UPDATE report SET updated_at = ?, first_response_at = coalesce(first_response_at, ?),
                      feedback_at = coalesce(feedback_at, ?) WHERE id = ?
                    """)
                    .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), id.value())
                    .update();
        }
        events.publishEvent(new ReportMessagePosted(id, messageId, fromPolice, Actors.current()));
        return find(messageId).orElseThrow();
    }

    /** The messages, oldest first: 404 if the viewer may not see the report, 403 if they take no part. */
    @Transactional(readOnly = true)
    public List<ReportMessage> of(Viewer viewer, ReportId id) {
        reports.participating(viewer, id);
        return jdbc.sql("SELECT * FROM report_message WHERE report_id = ? ORDER BY id")
                .param(id.value())
                .query((rs, n) -> message(rs))
                .list();
    }

    /** One message without a policy check, for notices. */
    @Transactional(readOnly = true)
    public Optional<ReportMessage> find(long messageId) {
        return jdbc.sql("SELECT * FROM report_message WHERE id = ?")
                .param(messageId)
                .query((rs, n) -> message(rs))
                .optional();
    }

    private static ReportMessage message(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ReportMessage(
                rs.getLong("id"),
                rs.getString("author_name"),
                rs.getBoolean("from_police"),
                rs.getString("body"),
                ReportRows.instant(rs, "posted_at"));
    }
}
