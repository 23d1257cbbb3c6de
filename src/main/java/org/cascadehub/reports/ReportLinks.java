package org.cascadehub.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Related reports (same person, vehicle, place). Police coordinators link them; anyone who may see a
 * report sees its links to reports they may also see, and no others.
 */
@Service
public class ReportLinks {

    static final int NOTE_MAX = 1_000;

    private final JdbcClient jdbc;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportLinks(JdbcClient jdbc, Reports reports, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** Links two reports (again: the kind and note are replaced). */
    @Transactional
    public ReportLink link(Viewer viewer, ReportId id, LinkRequest request) {
        reports.visible(viewer, id);
        if (!ReportPolicy.canTriage(viewer)) {
            throw new NotAllowed("Only police coordinators link reports.");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        ReportId related = problems.attempt(() -> related(viewer, id, request.report()));
        LinkKind kind = problems.attempt(() -> kind(request.kind()));
        String note = problems.attempt(() -> ReportTriage.text("note", request.note(), NOTE_MAX));
        problems.throwIfAny();
        ReportId other = Objects.requireNonNull(related);
        // PostgreSQL orders uuids by their bytes, as their text sorts (Java's UUID.compareTo is signed)
        boolean first = id.toString().compareTo(other.toString()) < 0;
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO report_link (report_id, related_id, kind, note, linked_by, linked_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (report_id, related_id) DO UPDATE SET kind = excluded.kind, note = excluded.note,
                  linked_by = excluded.linked_by, linked_at = excluded.linked_at
                """)
                .params(
                        (first ? id : other).value(),
                        (first ? other : id).value(),
                        Objects.requireNonNull(kind).name(),
                        note == null ? "" : note,
                        viewer.personId().value(),
                        Timestamp.from(now))
                .update();
        events.publishEvent(new ReportsLinked(id, other, kind, Actors.current()));
        return new ReportLink(other, kind, note == null ? "" : note, now);
    }

    /** The report's links to reports the viewer may also see. */
    @Transactional(readOnly = true)
    public List<ReportLink> of(Viewer viewer, ReportId id) {
        reports.visible(viewer, id);
        return jdbc
                .sql("""
                SELECT CASE WHEN report_id = ? THEN related_id ELSE report_id END AS other, kind, note, linked_at
                FROM report_link WHERE report_id = ? OR related_id = ? ORDER BY linked_at
                """)
                .params(id.value(), id.value(), id.value())
                .query((rs, n) -> new ReportLink(
                        new ReportId(rs.getObject("other", UUID.class)),
                        LinkKind.valueOf(rs.getString("kind")),
                        rs.getString("note"),
                        ReportRows.instant(rs, "linked_at")))
                .list()
                .stream()
                .filter(link -> reports.find(link.related())
                        .filter(r -> reports.mayRead(viewer, r))
                        .isPresent())
                .toList();
    }

    private ReportId related(Viewer viewer, ReportId id, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of("report", "Give the id of the related report");
        }
        ReportId related = ReportId.parse(text.strip())
                .filter(r -> reports.find(r)
                        .filter(found -> reports.mayRead(viewer, found))
                        .isPresent())
                .orElseThrow(() -> InvalidInput.of("report", "There is no report " + ReportCheck.shorten(text)));
        if (related.equals(id)) {
            throw InvalidInput.of("report", "A report cannot be linked to itself");
        }
        return related;
    }

    private static LinkKind kind(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return LinkKind.OTHER;
        }
        return LinkKind.parse(text)
                .orElseThrow(
                        () -> InvalidInput.of("kind", "Use one of " + java.util.Arrays.toString(LinkKind.values())));
    }
}
