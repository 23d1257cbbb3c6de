package org.cascadehub.platform;

/**
 * How this Cascade process runs, decided by configuration alone: without {@code CASCADE_DB_URL} it
 * is a demo on an embedded database, listening on loopback only; with it, production.
 */
public enum RunMode {
    DEMO,
    PRODUCTION;

    /** The property that holds the mode once the environment has been prepared. */
    public static final String PROPERTY = "cascade.mode";
}
