package org.cascadehub.platform;

/**
 * A published, past-tense domain event that the audit log records. Implementations are records
 * carrying ids and small values, never entities; everything in them ends up in the audit log, so
 * they never carry secrets.
 */
public interface AuditedEvent {

    /** Who caused the change. */
    Actor actor();
}
