package org.cascadehub.alerts.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Times on the alert pages, in the city's own time zone. */
record AlertTimes(ZoneId zone) {

    static final AlertTimes LONDON = new AlertTimes(ZoneId.of("Europe/London"));

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    /** For people: {@code 4 May 2026, 14:05}. */
    public String format(@Nullable Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }

    /** For a {@code datetime-local} input: {@code 2026-05-04T14:05}. */
    String local(Instant instant) {
        return instant.atZone(zone).toLocalDateTime().withSecond(0).withNano(0).toString();
    }

    Instant instant(LocalDateTime local) {
        return local.atZone(zone).toInstant();
    }
}
