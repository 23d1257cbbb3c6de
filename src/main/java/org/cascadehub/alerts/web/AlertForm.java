package org.cascadehub.alerts.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cascadehub.alerts.AlertContent;
import org.cascadehub.alerts.AlertDraft;
import org.cascadehub.alerts.Area;
import org.cascadehub.alerts.Audience;
import org.cascadehub.directory.Role;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The alert form as typed. Numbers, ids and times stay text until {@link #draft} reads them, so a
 * form sent back with a problem shows exactly what was typed. {@code expiry} says which of the
 * minutes and the date-and-time counts; {@code area} which of the boroughs, the polygon ({@code
 * lat,lon;lat,lon;...}) and the circle.
 */
record AlertForm(
        @Nullable String headline,
        @Nullable String event,
        @Nullable String description,
        @Nullable String instruction,
        @Nullable String category,
        @Nullable String urgency,
        @Nullable String severity,
        @Nullable String certainty,
        @Nullable String responseType,
        @Nullable String tlp,
        @Nullable String expiry,
        @Nullable String expiresInMinutes,
        @Nullable String expiresAt,
        @Nullable String area,
        @Nullable List<String> boroughs,
        @Nullable String polygon,
        @Nullable String circleLat,
        @Nullable String circleLon,
        @Nullable String circleRadiusKm,
        @Nullable List<String> sectors,
        @Nullable List<String> sharingGroups,
        @Nullable List<String> roles,
        @Nullable String organisations,
        @Nullable String people) {

    static AlertForm empty() {
        return new AlertForm(
                null, null, null, null, null, null, null, null, null, null, "minutes", null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** A template's starting point: its words and choices, with the area and audience left to the author. */
    static AlertForm of(AlertDraft template) {
        return new AlertForm(
                template.headline(),
                template.event(),
                template.description(),
                template.instruction(),
                template.category(),
                template.urgency(),
                template.severity(),
                template.certainty(),
                template.responseType(),
                template.tlp(),
                "minutes",
                template.expiresInMinutes() == null
                        ? null
                        : template.expiresInMinutes().toString(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** An alert's content, to change a draft or to start an update of a published alert. */
    static AlertForm of(AlertContent content, AlertTimes times, AudienceNames names) {
        Area area = content.area();
        Audience audience = content.audience();
        return new AlertForm(
                content.headline(),
                content.event(),
                content.description(),
                content.instruction(),
                content.category().name(),
                content.urgency().name(),
                content.severity().name(),
                content.certainty().name(),
                content.responseType() == null ? null : content.responseType().name(),
                content.tlp().label(),
                "at",
                null,
                times.local(content.expires()),
                area.boroughs() != null ? "boroughs" : area.polygon() != null ? "polygon" : "circle",
                area.boroughs(),
                area.polygon() == null ? null : AreaText.polygon(area.polygon()),
                area.circle() == null ? null : AreaText.number(area.circle().lat()),
                area.circle() == null ? null : AreaText.number(area.circle().lon()),
                area.circle() == null ? null : AreaText.number(area.circle().radiusKm()),
                audience.sectors(),
                audience.sharingGroups().stream().map(UUID::toString).toList(),
                audience.roles().stream().map(Role::name).toList(),
                audience.organisations().stream().map(names::organisationName).collect(Collectors.joining("\n")),
                audience.people().stream().map(names::personEmail).collect(Collectors.joining("\n")));
    }

    /**
     * The draft to give the service. What cannot be read (a number, an id, a time) is added to
     * {@code problems} under its field and passed on as absent, so the rest is still checked.
     */
    AlertDraft draft(InvalidInput.Collector problems, AlertTimes times, AudienceNames names) {
        boolean inMinutes = !"at".equals(expiry);
        Integer minutes = inMinutes ? minutes(problems) : null;
        java.time.Instant at = inMinutes ? null : expiresAt(problems, times);
        return new AlertDraft(
                headline,
                event,
                description,
                instruction,
                category,
                urgency,
                severity,
                certainty,
                responseType,
                tlp,
                areaOf(problems),
                new Audience(
                        sectorList(),
                        named(
                                problems,
                                "organisations",
                                organisations,
                                names::organisation,
                                "There is no organisation called '%s': give its name as the directory spells it, or"
                                        + " its id."),
                        sharingGroups(problems),
                        roles(problems),
                        named(
                                problems,
                                "people",
                                people,
                                names::person,
                                "There is nobody with the email address '%s': give their email address, or their"
                                        + " id.")),
                at,
                minutes);
    }

    /** The service's problems named by this form's fields. */
    InvalidInput renamed(InvalidInput service) {
        return service.renamed(field -> AlertFormFields.fieldOf(field, expiry));
    }

    public List<String> sectorList() {
        return sectors == null ? List.of() : sectors;
    }

    public List<String> sharingGroupList() {
        return sharingGroups == null ? List.of() : sharingGroups;
    }

    public boolean hasBorough(String code) {
        return boroughs != null && boroughs.contains(code);
    }

    public boolean hasSector(String code) {
        return sectorList().contains(code);
    }

    public boolean hasSharingGroup(Object id) {
        return sharingGroupList().contains(id.toString());
    }

    public boolean hasRole(Role role) {
        return roles != null && roles.contains(role.name());
    }

    private @Nullable Area areaOf(InvalidInput.Collector problems) {
        if (area == null) {
            return null;
        }
        return switch (area) {
            case "boroughs" -> Area.ofBoroughs(boroughs == null ? List.of() : boroughs);
            case "polygon" -> AreaText.polygon(problems, polygon);
            case "circle" -> AreaText.circle(problems, circleLat, circleLon, circleRadiusKm);
            default -> null;
        };
    }

    private @Nullable Integer minutes(InvalidInput.Collector problems) {
        String text = expiresInMinutes == null ? "" : expiresInMinutes.strip();
        if (text.isEmpty()) {
            problems.add("expiresInMinutes", "Enter how many minutes the alert stays current, like 120.");
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add("expiresInMinutes", "The minutes must be a whole number, like 120.");
            return null;
        }
    }

    private java.time.@Nullable Instant expiresAt(InvalidInput.Collector problems, AlertTimes times) {
        String text = expiresAt == null ? "" : expiresAt.strip();
        if (text.isEmpty()) {
            problems.add("expiresAt", "Enter the date and time the alert expires.");
            return null;
        }
        try {
            return times.instant(LocalDateTime.parse(text));
        } catch (DateTimeParseException e) {
            problems.add("expiresAt", "Enter the date and time like 2026-05-04T14:30.");
            return null;
        }
    }

    private List<Role> roles(InvalidInput.Collector problems) {
        List<Role> chosen = new ArrayList<>();
        for (String role : roles == null ? List.<String>of() : roles) {
            try {
                chosen.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add("roles", "Choose roles from the list.");
                return List.of();
            }
        }
        return chosen;
    }

    /** Sharing groups are ticked, so an id that does not read is not one the form offered. */
    private List<UUID> sharingGroups(InvalidInput.Collector problems) {
        List<UUID> ids = new ArrayList<>();
        for (String id : sharingGroupList()) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                problems.add("sharingGroups", "Choose sharing groups from the list.");
                return List.of();
            }
        }
        return ids;
    }

    /** Organisations or people written one to a line, each found by name (or email) or id. */
    private static List<UUID> named(
            InvalidInput.Collector problems,
            String field,
            @Nullable String text,
            Function<String, Optional<UUID>> find,
            String unknown) {
        List<UUID> ids = new ArrayList<>();
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty()) {
                find.apply(name).ifPresentOrElse(ids::add, () -> problems.add(field, unknown.formatted(name)));
            }
        }
        return ids;
    }
}
