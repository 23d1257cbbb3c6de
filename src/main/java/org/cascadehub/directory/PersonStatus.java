package org.cascadehub.directory;

/** Whether a person can use the hub. */
public enum PersonStatus {
    ACTIVE,
    SUSPENDED,
    /** Erased on request: a tombstone that keeps references and the audit chain intact. */
    ERASED
}
