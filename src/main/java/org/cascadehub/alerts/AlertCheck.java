package org.cascadehub.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.cascadehub.alerts.cap.CapCategory;
import org.cascadehub.alerts.cap.CapCertainty;
import org.cascadehub.alerts.cap.CapResponseType;
import org.cascadehub.alerts.cap.CapSeverity;
import org.cascadehub.alerts.cap.CapUrgency;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Sectors;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns an author's draft into checked content, naming every field it refuses at once. */
@Component
class AlertCheck {

    static final int HEADLINE_MAX = 160;
    static final int EVENT_MAX = 160;
    static final int DESCRIPTION_MAX = 8000;
    static final int INSTRUCTION_MAX = 4000;

    private final Boroughs boroughs;
    private final Sectors sectors;
    private final SharingGroups sharingGroups;
    private final RecipientIndex index;
    private final AlertSettings settings;
    private final Clock clock;

    AlertCheck(
            Boroughs boroughs,
            Sectors sectors,
            SharingGroups sharingGroups,
            RecipientIndex index,
            AlertSettings settings,
            Clock clock) {
        this.boroughs = boroughs;
        this.sectors = sectors;
        this.sharingGroups = sharingGroups;
        this.index = index;
        this.settings = settings;
        this.clock = clock;
    }

    AlertContent check(AlertDraft draft) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String headline = problems.attempt(() -> text("headline", draft.headline(), HEADLINE_MAX, true));
        String event = problems.attempt(() -> text("event", draft.event(), EVENT_MAX, false));
        String description = problems.attempt(() -> text("description", draft.description(), DESCRIPTION_MAX, false));
        String instruction = problems.attempt(() -> text("instruction", draft.instruction(), INSTRUCTION_MAX, false));
        CapCategory category = problems.attempt(
                () -> choice("category", draft.category(), CapCategory.values(), CapCategory::valueOf));
        CapUrgency urgency =
                problems.attempt(() -> choice("urgency", draft.urgency(), CapUrgency.values(), CapUrgency::valueOf));
        CapSeverity severity = problems.attempt(
                () -> choice("severity", draft.severity(), CapSeverity.values(), CapSeverity::valueOf));
        CapCertainty certainty = problems.attempt(
                () -> choice("certainty", draft.certainty(), CapCertainty.values(), CapCertainty::valueOf));
        CapResponseType responseType = draft.responseType() == null
                        || draft.responseType().isBlank()
                ? null
                : problems.attempt(() -> choice(
                        "responseType", draft.responseType(), CapResponseType.values(), CapResponseType::valueOf));
        Tlp tlp = problems.attempt(() -> tlp(draft.tlp()));
        AreaCheck.Checked area = problems.attempt(() -> AreaCheck.check(draft.area(), boroughs));
        Audience audience = problems.attempt(() -> audience(draft.audience(), tlp));
        Instant expires = problems.attempt(() -> expires(draft));
        problems.throwIfAny();
        return new AlertContent(
                Objects.requireNonNull(headline),
                event == null || event.isEmpty() ? headline : event,
                description == null ? "" : description,
                instruction == null ? "" : instruction,
                Objects.requireNonNull(category),
                Objects.requireNonNull(urgency),
                Objects.requireNonNull(severity),
                Objects.requireNonNull(certainty),
                responseType,
                Objects.requireNonNull(tlp),
                Objects.requireNonNull(area).area(),
                area.description(),
                Objects.requireNonNull(audience),
                Objects.requireNonNull(expires));
    }

    private static @Nullable String text(String field, @Nullable String value, int max, boolean required) {
        String clean = value == null ? "" : value.strip();
        if (required && clean.isEmpty()) {
            throw InvalidInput.of(field, "Enter the " + field + ".");
        }
        if (clean.length() > max) {
            throw InvalidInput.of(
                    field,
                    "The " + field + " must be " + max + " characters or fewer (it has " + clean.length() + ").");
        }
        if (clean.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw InvalidInput.of(field, "The " + field + " contains control characters.");
        }
        return clean;
    }

    private static <E extends Enum<E>> E choice(
            String field, @Nullable String value, E[] values, Function<String, E> parse) {
        List<String> names = Arrays.stream(values).map(Enum::name).toList();
        if (value == null || value.isBlank()) {
            throw InvalidInput.of(field, "Choose the " + field + ": one of " + String.join(", ", names) + ".");
        }
        return Arrays.stream(values)
                .filter(v -> v.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> InvalidInput.of(
                        field,
                        "'" + value + "' is not a CAP " + field + "; use one of " + String.join(", ", names) + "."));
    }

    private static Tlp tlp(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of("tlp", "Choose the TLP label: CLEAR, GREEN, AMBER, AMBER+STRICT or RED.");
        }
        return Tlp.parse(value)
                .orElseThrow(() -> InvalidInput.of(
                        "tlp",
                        "'" + value + "' is not a TLP 2.0 label; use CLEAR, GREEN, AMBER, AMBER+STRICT or RED."));
    }

    private Audience audience(@Nullable Audience given, @Nullable Tlp tlp) {
        Audience audience = given == null ? Audience.everyone() : given;
        InvalidInput.Collector problems = new InvalidInput.Collector();
        List<String> sectorCodes = audience.sectors().isEmpty()
                ? List.of()
                : Optional.ofNullable(problems.attempt(
                                () -> List.copyOf(sectors.requireActive("audience.sectors", audience.sectors()))))
                        .orElse(List.of());
        RecipientIndex.Index roster = index.current();
        for (UUID organisation : audience.organisations()) {
            if (organisation == null
                    || roster.organisation(new OrganisationId(organisation)).isEmpty()) {
                problems.add("audience.organisations", "There is no vetted organisation " + organisation + ".");
            }
        }
        for (UUID group : audience.sharingGroups()) {
            if (group == null || sharingGroups.find(new SharingGroupId(group)).isEmpty()) {
                problems.add("audience.sharingGroups", "There is no sharing group " + group + ".");
            }
        }
        if (audience.roles().stream().anyMatch(Objects::isNull)) {
            problems.add("audience.roles", "A role is missing its name.");
        }
        for (UUID person : audience.people()) {
            if (person == null || roster.member(new PersonId(person)).isEmpty()) {
                problems.add("audience.people", "There is no active member " + person + " to name.");
            }
        }
        if (tlp == Tlp.RED && audience.people().isEmpty()) {
            problems.add("audience.people", "A TLP:RED alert goes to named people only: name at least one.");
        }
        problems.throwIfAny();
        return new Audience(
                sectorCodes,
                audience.organisations().stream().distinct().toList(),
                audience.sharingGroups().stream().distinct().toList(),
                audience.roles().stream().distinct().toList(),
                audience.people().stream().distinct().toList());
    }

    private Instant expires(AlertDraft draft) {
        Instant now = clock.instant();
        if (draft.expires() != null && draft.expiresInMinutes() != null) {
            throw InvalidInput.of("expires", "Give expires or expiresInMinutes, not both.");
        }
        Instant expires;
        if (draft.expiresInMinutes() != null) {
            if (draft.expiresInMinutes() < 1) {
                throw InvalidInput.of("expiresInMinutes", "The alert must stay current for at least a minute.");
            }
            if (draft.expiresInMinutes() > settings.maxLifetime().toMinutes()) {
                throw InvalidInput.of(
                        "expiresInMinutes",
                        "An alert may stay current for at most "
                                + settings.maxLifetime().toMinutes() + " minutes.");
            }
            expires = now.plus(Duration.ofMinutes(draft.expiresInMinutes()));
        } else if (draft.expires() != null) {
            expires = draft.expires();
            if (!expires.isAfter(now)) {
                throw InvalidInput.of("expires", "The expiry time has already passed.");
            }
            if (expires.isAfter(now.plus(settings.maxLifetime()))) {
                throw InvalidInput.of(
                        "expires",
                        "An alert may stay current for at most "
                                + settings.maxLifetime().toDays() + " days.");
            }
        } else {
            throw InvalidInput.of("expires", "Say when the alert expires (expires or expiresInMinutes).");
        }
        return expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
