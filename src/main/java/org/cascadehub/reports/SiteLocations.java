package org.cascadehub.reports;

import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.Site;
import org.cascadehub.directory.SiteId;
import org.cascadehub.directory.Sites;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Where a report happened when the reporter chose one of their organisation's sites. */
@Component
class SiteLocations {

    /** A report's point, the site it names if any, and the borough the point lies in. */
    record Located(Report.Point point, @Nullable SiteId site, Borough borough) {}

    private final Sites sites;
    private final Boroughs boroughs;

    SiteLocations(Sites sites, Boroughs boroughs) {
        this.sites = sites;
        this.boroughs = boroughs;
    }

    /** The site, if it is one of the reporter's organisation's; its point and borough. */
    Located ofReporter(Viewer reporter, String siteText) {
        Site site = ReportCheck.uuid(siteText)
                .map(SiteId::new)
                .flatMap(sites::find)
                .filter(s -> s.organisationId().equals(reporter.organisationId()))
                .orElseThrow(() -> InvalidInput.of(
                        "site", "'" + ReportCheck.shorten(siteText) + "' is not one of your organisation's sites"));
        Borough borough = boroughs.find(site.boroughCode())
                .orElseThrow(() -> InvalidInput.of("site", "That site is outside the city"));
        return new Located(new Report.Point(site.latitude(), site.longitude()), site.id(), borough);
    }
}
