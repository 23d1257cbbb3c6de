package org.cascadehub.access;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What changed that may end or alter a bearer token's access, as sent between nodes on the
 * PostgreSQL channel {@value #CHANNEL}: {@code token <id>} (created or revoked), {@code person <id>}
 * (suspended, erased, roles or details changed), {@code organisation <id>} (vetted, suspended,
 * reinstated, rejected, renamed), or {@code all} (read everything again).
 */
record AccessChange(Kind kind, @Nullable UUID id) {

    static final String CHANNEL = "cascade_access";
    static final AccessChange ALL = new AccessChange(Kind.ALL, null);

    enum Kind {
        TOKEN,
        PERSON,
        ORGANISATION,
        ALL
    }

    static AccessChange token(UUID id) {
        return new AccessChange(Kind.TOKEN, id);
    }

    static AccessChange person(UUID id) {
        return new AccessChange(Kind.PERSON, id);
    }

    static AccessChange organisation(UUID id) {
        return new AccessChange(Kind.ORGANISATION, id);
    }

    @Override
    public UUID id() {
        if (id == null) {
            throw new IllegalStateException("'all' names nothing");
        }
        return id;
    }

    String payload() {
        return kind == Kind.ALL ? "all" : kind.name().toLowerCase(Locale.ROOT) + " " + id;
    }

    /** The change a payload names; empty for one this version does not know. */
    static Optional<AccessChange> parse(String payload) {
        if (payload.equals("all")) {
            return Optional.of(ALL);
        }
        int space = payload.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        try {
            Kind kind = Kind.valueOf(payload.substring(0, space).toUpperCase(Locale.ROOT));
            UUID id = UUID.fromString(payload.substring(space + 1).trim());
            return kind == Kind.ALL ? Optional.empty() : Optional.of(new AccessChange(kind, id));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
