package org.cascadehub.directory;

/** Whether a person can use the hub. */
public enum PersonStatus {
    /** Applied with their organisation; can sign in once it is vetted. */
    PENDING,
    ACTIVE,
    SUSPENDED,
    /** Erased on request: a tombstone that keeps references and the audit chain intact. */
    ERASED
}
