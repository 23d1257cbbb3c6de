package org.cascadehub.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cascadehub.directory.SharingGroup;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.cascadehub.platform.Page;
import org.cascadehub.platform.SqlFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading reports, always through {@link ReportPolicy}: a report someone may not see does not exist
 * for them (404, absent from lists, never counted).
 */
@Service
public class Reports {

    private final JdbcClient jdbc;
    private final ReportRows rows;
    private final SharingGroups sharingGroups;
    private final ApplicationEventPublisher events;

    Reports(JdbcClient jdbc, ReportRows rows, SharingGroups sharingGroups, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.sharingGroups = sharingGroups;
        this.events = events;
    }

    /** The report without any policy check: for the module's own work (notices, retention). */
    @Transactional(readOnly = true)
    public Optional<Report> find(ReportId id) {
        return jdbc.sql(ReportRows.SELECT + " WHERE r.id = ?")
                .param(id.value())
                .query(rows)
                .optional();
    }

    /** The report if the viewer may see it, read through the API; see {@link #read(Viewer, ReportId, String)}. */
    @Transactional
    public Report read(@Nullable Viewer viewer, ReportId id) {
        return read(viewer, id, "api");
    }

    /**
     * The report if the viewer may see it, else {@link NotFound}. A read of an AMBER, AMBER+STRICT or
     * RED report is audited; {@code via} names the surface (api, page, attachment, export).
     */
    @Transactional
    public Report read(@Nullable Viewer viewer, ReportId id, String via) {
        Report report = visible(viewer, id);
        if (report.tlp().linkOnly()) {
            events.publishEvent(new RestrictedReportRead(id, report.tlp().label(), via, Actors.current()));
        }
        return report;
    }

    /** The report if the viewer may see it, without auditing: for checks before an action. */
    @Transactional(readOnly = true)
    public Report visible(@Nullable Viewer viewer, ReportId id) {
        return find(id).filter(r -> mayRead(viewer, r)).orElseThrow(() -> notFound(id));
    }

    /** May the viewer see the report? The one question every read path asks. */
    @Transactional(readOnly = true)
    public boolean mayRead(@Nullable Viewer viewer, Report report) {
        return viewer != null && ReportPolicy.canSee(viewer, report, groupsOf(viewer));
    }

    /** May the viewer read and post messages on the report (police, or the reporter's organisation)? */
    @Transactional(readOnly = true)
    public boolean mayMessage(Viewer viewer, Report report) {
        return ReportPolicy.canMessage(viewer, report, groupsOf(viewer));
    }

    /** The report if the viewer may see it and take part in its messages; 403 if only the first. */
    @Transactional(readOnly = true)
    public Report participating(Viewer viewer, ReportId id) {
        Report report = visible(viewer, id);
        if (!mayMessage(viewer, report)) {
            throw new NotAllowed("Only the police and the reporter's organisation take part in a report's messages.");
        }
        return report;
    }

    /** Reports the viewer may see that match the query, newest first. */
    @Transactional(readOnly = true)
    public Page<Report> search(@Nullable Viewer viewer, ReportQuery query, int page, int size) {
        return ReportPolicy.visibleTo(viewer, query.filter())
                .page(jdbc, ReportRows.COUNT, ReportRows.SELECT, " ORDER BY r.created_at DESC, r.id", page, size, rows);
    }

    /**
     * The police triage queue: reports in the given boroughs (all when empty) and statuses (all but
     * closed when empty), oldest first so nothing waits unseen.
     */
    @Transactional(readOnly = true)
    public Page<Report> queue(
            Viewer viewer, Collection<String> boroughs, Collection<ReportStatus> statuses, int page, int size) {
        if (!ReportPolicy.canTriage(viewer)) {
            throw new NotAllowed("Only police coordinators have a triage queue.");
        }
        String[] codes = boroughs.toArray(String[]::new);
        String[] names = (statuses.isEmpty() ? EnumSet.complementOf(EnumSet.of(ReportStatus.CLOSED)) : statuses)
                .stream().map(Enum::name).toArray(String[]::new);
        SqlFilter filter = new SqlFilter()
                .andIf(codes.length > 0, "r.borough_code = ANY (?::text[])", (Object) codes)
                .and("r.status = ANY (?::text[])", (Object) names);
        return ReportPolicy.visibleTo(viewer, filter)
                .page(jdbc, ReportRows.COUNT, ReportRows.SELECT, " ORDER BY r.created_at, r.id", page, size, rows);
    }

    /**
     * Reports the viewer may see within {@code distanceKm} of a point and {@code window} either side
     * of an instant, nearest first; {@code except} is left out (the report being looked at).
     */
    @Transactional(readOnly = true)
    public List<Nearby> nearby(
            Viewer viewer,
            Report.Point point,
            Instant at,
            double distanceKm,
            Duration window,
            @Nullable ReportId except,
            int limit) {
        double dLat = distanceKm / 111.2;
        double dLon = distanceKm / (111.2 * Math.max(0.01, Math.cos(Math.toRadians(point.lat()))));
        SqlFilter filter = new SqlFilter()
                .and("r.latitude BETWEEN ? AND ?", point.lat() - dLat, point.lat() + dLat)
                .and("r.longitude BETWEEN ? AND ?", point.lon() - dLon, point.lon() + dLon)
                .and("r.occurred_at BETWEEN ? AND ?", Timestamp.from(at.minus(window)), Timestamp.from(at.plus(window)))
                .andIf(except != null, "r.id <> ?", except == null ? "" : except.value());
        return ReportPolicy.visibleTo(viewer, filter)
                .page(jdbc, ReportRows.COUNT, ReportRows.SELECT, " ORDER BY r.occurred_at DESC, r.id", 1, 500, rows)
                .items()
                .stream()
                .map(r -> new Nearby(r, Distances.km(point, r.location())))
                .filter(n -> n.distanceKm() <= distanceKm)
                .sorted(Comparator.comparingDouble(Nearby::distanceKm))
                .limit(limit)
                .toList();
    }

    /** A report near another, and how far from it. */
    public record Nearby(Report report, double distanceKm) {}

    /** The sharing groups the viewer's organisation belongs to. */
    Set<SharingGroupId> groupsOf(Viewer viewer) {
        Set<SharingGroupId> groups = new HashSet<>();
        for (SharingGroup group : sharingGroups.of(viewer.organisationId())) {
            groups.add(group.id());
        }
        return groups;
    }

    static NotFound notFound(ReportId id) {
        return new NotFound("There is no report " + id + ".");
    }
}
