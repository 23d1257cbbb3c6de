package org.cascadehub.directory;

/** Where an organisation stands with the partnership. Only vetted organisations' people take part. */
public enum OrganisationStatus {
    APPLIED,
    VETTED,
    REJECTED,
    SUSPENDED
}
