package org.cascadehub.directory;

/** An organisation's premises: a point (WGS84), an address, and the borough the point lies in. */
public record Site(
        SiteId id,
        OrganisationId organisationId,
        String name,
        String address,
        double latitude,
        double longitude,
        String boroughCode) {}
