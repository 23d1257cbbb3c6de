package org.cascadehub.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cascadehub.directory.DirectoryEvents.SiteAdded;
import org.cascadehub.directory.DirectoryEvents.SiteMoved;
import org.cascadehub.directory.DirectoryEvents.SiteRemoved;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations' sites. The borough is always computed from the point, never typed in. */
@Service
public class Sites {

    private final JdbcClient jdbc;
    private final Boroughs boroughs;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sites(
            JdbcClient jdbc,
            Boroughs boroughs,
            Organisations organisations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.boroughs = boroughs;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a site without a viewer's check, for the demo data and trusted imports. */
    @Transactional
    public SiteId register(OrganisationId organisation, SiteDetails details) {
        Checked checked = check(details);
        SiteId id = SiteId.random();
        jdbc.sql("""
                INSERT INTO site (id, organisation_id, name, address, latitude, longitude, borough_code)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        id.value(),
                        organisation.value(),
                        checked.name(),
                        checked.address(),
                        checked.latitude(),
                        checked.longitude(),
                        checked.borough().code())
                .update();
        events.publishEvent(new SiteAdded(id, organisation, checked.borough().code(), Actors.current()));
        return id;
    }

    @Transactional
    public Site add(Viewer viewer, OrganisationId organisation, SiteDetails details) {
        organisations.require(viewer, organisation);
        requireManager(viewer, organisation);
        return find(register(organisation, details)).orElseThrow();
    }

    /** Changes a site; a new point means a new borough and a {@code SiteMoved} event. */
    @Transactional
    public Site update(Viewer viewer, SiteId id, SiteDetails details) {
        Site current = require(viewer, id);
        requireManager(viewer, current.organisationId());
        Checked checked = check(details);
        jdbc.sql("""
                UPDATE site SET name = ?, address = ?, latitude = ?, longitude = ?, borough_code = ?, updated_at = ?
                WHERE id = ?
                """)
                .params(
                        checked.name(),
                        checked.address(),
                        checked.latitude(),
                        checked.longitude(),
                        checked.borough().code(),
                        Timestamp.from(clock.instant()),
                        id.value())
                .update();
        if (current.latitude() != checked.latitude() || current.longitude() != checked.longitude()) {
            events.publishEvent(new SiteMoved(
                    id, current.organisationId(), checked.borough().code(), Actors.current()));
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public void remove(Viewer viewer, SiteId id) {
        Site site = require(viewer, id);
        requireManager(viewer, site.organisationId());
        jdbc.sql("DELETE FROM site WHERE id = ?").param(id.value()).update();
        events.publishEvent(new SiteRemoved(id, site.organisationId(), Actors.current()));
    }

    @Transactional(readOnly = true)
    public Optional<Site> find(SiteId id) {
        return jdbc.sql("SELECT * FROM site WHERE id = ?")
                .param(id.value())
                .query(Sites::site)
                .optional();
    }

    /** The site, if the viewer may see its organisation. */
    @Transactional(readOnly = true)
    public Site require(Viewer viewer, SiteId id) {
        Site site = find(id).orElseThrow(() -> new NotFound("There is no site " + id + "."));
        try {
            organisations.require(viewer, site.organisationId());
        } catch (NotFound hidden) {
            throw new NotFound("There is no site " + id + ".");
        }
        return site;
    }

    @Transactional(readOnly = true)
    public List<Site> ofOrganisation(OrganisationId organisation) {
        return jdbc.sql("SELECT * FROM site WHERE organisation_id = ? ORDER BY lower(name)")
                .param(organisation.value())
                .query(Sites::site)
                .list();
    }

    /** Every site of every vetted organisation: the population alerts are matched against. */
    @Transactional(readOnly = true)
    public List<Site> allVetted() {
        return jdbc.sql(
                        "SELECT s.* FROM site s JOIN organisation o ON o.id = s.organisation_id WHERE o.status = 'VETTED'")
                .query(Sites::site)
                .list();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM site").query(Long.class).single();
    }

    /** Checks a site's details as {@link #add} would, without saving; problems are thrown together. */
    public void validate(SiteDetails details) {
        check(details);
    }

    private record Checked(String name, String address, double latitude, double longitude, Borough borough) {}

    private Checked check(SiteDetails details) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String name = problems.attempt(() -> ContactRules.required("name", details.name(), "The site's name", 200));
        String address =
                problems.attempt(() -> ContactRules.required("address", details.address(), "The address", 500));
        Borough borough = null;
        if (details.latitude() == null || details.longitude() == null) {
            problems.add("location", "Choose the site's location on the map, or enter its latitude and longitude");
        } else if (!Double.isFinite(details.latitude()) || Math.abs(details.latitude()) > 90) {
            problems.add("latitude", "Latitude must be a number between -90 and 90");
        } else if (!Double.isFinite(details.longitude()) || Math.abs(details.longitude()) > 180) {
            problems.add("longitude", "Longitude must be a number between -180 and 180");
        } else {
            borough =
                    boroughs.containing(details.latitude(), details.longitude()).orElse(null);
            if (borough == null) {
                problems.add(
                        "location",
                        "The point " + details.latitude() + ", " + details.longitude()
                                + " is outside every borough of the city; check latitude and longitude are not swapped");
            }
        }
        problems.throwIfAny();
        return new Checked(name, address, details.latitude(), details.longitude(), borough);
    }

    private static void requireManager(Viewer viewer, OrganisationId organisation) {
        if (!DirectoryPolicy.canManage(viewer, organisation)) {
            throw new NotAllowed(
                    "Only the organisation's security manager or a hub administrator can change its sites.");
        }
    }

    private static Site site(ResultSet rs, int row) throws SQLException {
        return new Site(
                new SiteId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("name"),
                rs.getString("address"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getString("borough_code"));
    }
}
