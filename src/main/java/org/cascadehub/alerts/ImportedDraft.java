package org.cascadehub.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cascadehub.alerts.cap.CapAlert;
import org.cascadehub.alerts.cap.CapInfo;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.alerts.cap.CapNamedValue;
import org.cascadehub.alerts.cap.CapScope;
import org.cascadehub.alerts.cap.CapStatus;
import org.cascadehub.alerts.cap.CapTimes;
import org.cascadehub.alerts.cap.CapValidation.Problem;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a valid external CAP message into an author's draft: its first English {@code <info>} (else
 * its first), a TLP label, an area and an expiry Cascade can hold. Whatever had to be guessed,
 * shortened or left out is a warning, so the author knows what to check.
 */
@Component
class ImportedDraft {

    /** A draft for {@link AlertAuthoring#draft}, and what the author should check in it. */
    record Mapped(AlertDraft draft, List<Problem> warnings) {}

    static final int DEFAULT_MINUTES = 60;

    private final Boroughs boroughs;
    private final AlertSettings settings;
    private final Clock clock;

    ImportedDraft(Boroughs boroughs, AlertSettings settings, Clock clock) {
        this.boroughs = boroughs;
        this.settings = settings;
        this.clock = clock;
    }

    Mapped map(CapAlert cap, Viewer viewer) {
        List<Problem> warnings = new ArrayList<>();
        noteKind(cap, warnings);
        int chosen = chooseInfo(cap);
        @Nullable CapInfo info = chosen < 0 ? null : cap.infos().get(chosen);
        String infoPath = "/alert/info[" + (chosen + 1) + "]";
        if (info == null) {
            warnings.add(new Problem(
                    "/alert",
                    "The alert has no <info>: the draft says only where it came from. Write what it is about."));
        } else if (cap.infos().size() > 1) {
            warnings.add(new Problem(
                    infoPath,
                    "The alert has " + cap.infos().size() + " <info> blocks; the draft is made from this one ("
                            + info.language() + ") only."));
        }
        String event = info == null ? "Imported CAP alert" : info.event();
        String headline =
                info == null || info.headline() == null || info.headline().isBlank() ? event : info.headline();
        Tlp tlp = tlp(cap, info, infoPath, warnings);
        Expiry expiry =
                expiry(info == null ? null : info.expires(), info == null ? "/alert" : infoPath + "/expires", warnings);
        AlertDraft draft = new AlertDraft(
                ImportedText.fit(headline, AlertCheck.HEADLINE_MAX, infoPath + "/headline", warnings),
                ImportedText.fit(event, AlertCheck.EVENT_MAX, infoPath + "/event", warnings),
                ImportedText.withFooter(
                        info == null ? null : info.description(),
                        footer(cap),
                        AlertCheck.DESCRIPTION_MAX,
                        infoPath + "/description",
                        warnings),
                ImportedText.fit(
                        info == null ? null : info.instruction(),
                        AlertCheck.INSTRUCTION_MAX,
                        infoPath + "/instruction",
                        warnings),
                info == null || info.categories().isEmpty()
                        ? "Other"
                        : info.categories().getFirst().name(),
                info == null ? "Unknown" : info.urgency().name(),
                info == null ? "Unknown" : info.severity().name(),
                info == null ? "Unknown" : info.certainty().name(),
                info == null || info.responseTypes().isEmpty()
                        ? null
                        : info.responseTypes().getFirst().name(),
                tlp.label(),
                ImportedArea.choose(
                        info == null ? List.of() : info.areas(),
                        info == null ? "/alert" : infoPath,
                        boroughs,
                        warnings),
                audience(tlp, viewer, warnings),
                expiry.at(),
                expiry.inMinutes());
        return new Mapped(draft, List.copyOf(warnings));
    }

    /** Either an instant or a number of minutes from now, as a draft takes it. */
    record Expiry(@Nullable Instant at, @Nullable Integer inMinutes) {}

    /**
     * The message's expiry when Cascade can use it; past or missing: an hour from now; beyond the
     * longest an alert may stay current: that longest.
     */
    private Expiry expiry(@Nullable OffsetDateTime expires, String path, List<Problem> warnings) {
        Instant now = clock.instant();
        Duration max = settings.maxLifetime();
        if (expires == null || !expires.toInstant().isAfter(now.plus(Duration.ofMinutes(1)))) {
            warnings.add(new Problem(
                    path,
                    (expires == null ? "The alert gives no <expires>" : "The alert's <expires> has passed")
                            + "; the draft expires " + DEFAULT_MINUTES + " minutes after it is written. Set the"
                            + " expiry."));
            return new Expiry(null, DEFAULT_MINUTES);
        }
        if (expires.toInstant().isAfter(now.plus(max))) {
            warnings.add(new Problem(
                    path,
                    "The alert's <expires> is further away than an alert may stay current (" + max.toMinutes()
                            + " minutes); the draft expires then."));
            return new Expiry(null, (int) max.toMinutes());
        }
        return new Expiry(expires.toInstant(), null);
    }

    /** The first info in English ({@code en}, {@code en-GB}, ...), else the first; -1 when there is none. */
    static int chooseInfo(CapAlert cap) {
        for (int i = 0; i < cap.infos().size(); i++) {
            String language = cap.infos().get(i).language().toLowerCase(Locale.ROOT);
            if (language.equals("en") || language.startsWith("en-")) {
                return i;
            }
        }
        return cap.infos().isEmpty() ? -1 : 0;
    }

    static String footer(CapAlert cap) {
        return "Imported from " + cap.sender() + " " + cap.identifier() + " (sent " + CapTimes.format(cap.sent())
                + ").";
    }

    private static void noteKind(CapAlert cap, List<Problem> warnings) {
        if (cap.status() != CapStatus.Actual) {
            warnings.add(new Problem(
                    "/alert/status",
                    "The message's status is " + cap.status() + ", not Actual: it is not a real alert."));
        }
        if (cap.msgType() != CapMsgType.Alert) {
            warnings.add(new Problem(
                    "/alert/msgType",
                    "The message is a CAP " + cap.msgType() + " of an earlier message; it is imported as a new"
                            + " alert."));
        }
    }

    /**
     * The label from a {@code TLP:} code or a {@code TLP} parameter (the more restrictive if both),
     * else CLEAR for a Public message and AMBER for any other scope.
     */
    private static Tlp tlp(CapAlert cap, @Nullable CapInfo info, String infoPath, List<Problem> warnings) {
        List<Tlp> given = new ArrayList<>();
        for (String code : cap.codes()) {
            if (code.strip().toUpperCase(Locale.ROOT).startsWith("TLP:")) {
                label(code, "/alert/code", warnings).ifPresent(given::add);
            }
        }
        if (info != null) {
            for (CapNamedValue parameter : info.parameters()) {
                if (parameter.valueName().strip().equalsIgnoreCase("TLP")) {
                    label(parameter.value(), infoPath + "/parameter", warnings).ifPresent(given::add);
                }
            }
        }
        if (!given.isEmpty()) {
            return given.stream().max(Enum::compareTo).orElseThrow();
        }
        if (cap.scope() == CapScope.Public) {
            return Tlp.CLEAR;
        }
        warnings.add(new Problem(
                "/alert/scope",
                "The message is " + cap.scope() + " and carries no TLP label, so the draft is TLP:AMBER."));
        return Tlp.AMBER;
    }

    private static Optional<Tlp> label(String text, String path, List<Problem> warnings) {
        String clean = text.strip().toUpperCase(Locale.ROOT).replaceFirst("^TLP:", "");
        if (clean.equals("WHITE")) {
            warnings.add(new Problem(path, "TLP:WHITE is TLP 1.0's name for TLP:CLEAR."));
            return Optional.of(Tlp.CLEAR);
        }
        Optional<Tlp> tlp = Tlp.parse(clean);
        if (tlp.isEmpty()) {
            warnings.add(new Problem(path, "'" + text.strip() + "' is not a TLP 2.0 label; it is ignored."));
        }
        return tlp;
    }

    /** Everyone in the area; a TLP:RED message goes to named people only, so it names the importer. */
    private static @Nullable Audience audience(Tlp tlp, Viewer viewer, List<Problem> warnings) {
        if (tlp != Tlp.RED) {
            return null;
        }
        warnings.add(new Problem(
                "/alert", "TLP:RED alerts go to named people only; the draft names only you. Name who it is for."));
        return new Audience(null, null, null, null, List.of(viewer.personId().value()));
    }
}
