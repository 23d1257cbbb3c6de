package org.cascadehub.alerts.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertPolicy;
import org.cascadehub.alerts.AlertStatus;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The alerts a person may see, in sections: current; awaiting approval (alert staff); their own
 * drafts and rejected alerts (authors; administrators see everyone's); past. {@code /alerts} shows
 * the newest of each, {@code /alerts?show=past&page=2} one section a page at a time.
 */
@Controller
class AlertListPages implements AlertPage {

    static final int SHOWN = 20;

    /** Enough drafts for anyone's own list: drafts are filtered by author after reading. */
    private static final int DRAFTS_READ = 200;

    /** One row: an alert and how its TLP label is shown. */
    record Row(Alert alert, TlpLabel tlp) {}

    /** One section of the list, one page of it. */
    record Section(String code, String title, String empty, List<Row> rows, long total, int page) {
        public int pages() {
            return (int) Math.max(1, (total + SHOWN - 1) / SHOWN);
        }

        public boolean more() {
            return total > (long) page * SHOWN;
        }
    }

    private enum Kind {
        CURRENT("Current alerts", "There are no current alerts for you.", AlertStatus.PUBLISHED),
        AWAITING("Awaiting approval", "No alerts are waiting for approval.", AlertStatus.SUBMITTED),
        DRAFTS("Your drafts", "You have no drafts or rejected alerts.", AlertStatus.DRAFT, AlertStatus.REJECTED),
        PAST(
                "Past alerts",
                "There are no past alerts.",
                AlertStatus.SUPERSEDED,
                AlertStatus.CANCELLED,
                AlertStatus.EXPIRED);

        final String title;
        final String empty;
        final List<AlertStatus> statuses;

        Kind(String title, String empty, AlertStatus... statuses) {
            this.title = title;
            this.empty = empty;
            this.statuses = List.of(statuses);
        }

        /** The section's name in addresses and ids. */
        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Alerts alerts;

    AlertListPages(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    String list(
            Viewer viewer,
            @RequestParam(required = false) @Nullable String show,
            @RequestParam(defaultValue = "1") String page,
            Model model) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.CURRENT));
        if (AlertPolicy.isAlertStaff(viewer)) {
            kinds.add(Kind.AWAITING);
        }
        if (AlertPolicy.canAuthor(viewer)) {
            kinds.add(Kind.DRAFTS);
        }
        kinds.add(Kind.PAST);
        Kind one = kinds.stream().filter(k -> k.code().equals(show)).findFirst().orElse(null);
        int number = one == null ? 1 : pageNumber(page);
        model.addAttribute(
                "sections",
                (one == null ? kinds : List.of(one))
                        .stream().map(k -> section(viewer, k, number)).toList());
        model.addAttribute("single", one != null);
        model.addAttribute("canAuthor", AlertPolicy.canAuthor(viewer));
        return "alerts/list";
    }

    private Section section(Viewer viewer, Kind kind, int page) {
        if (kind == Kind.DRAFTS) {
            Predicate<Alert> mine = a -> viewer.administrator() || a.authorId().equals(viewer.personId());
            List<Alert> drafts = newestFirst(kind.statuses.stream()
                    .flatMap(s -> alerts.list(viewer, s, 1, DRAFTS_READ).items().stream())
                    .filter(mine)
                    .toList());
            return section(kind, drafts, drafts.size(), page);
        }
        if (kind.statuses.size() == 1) {
            Page<Alert> found = alerts.list(viewer, kind.statuses.getFirst(), page, SHOWN);
            return new Section(kind.code(), kind.title, kind.empty, rows(found.items()), found.total(), page);
        }
        // Several statuses: the newest of each, up to this page, merged.
        List<Page<Alert>> found = kind.statuses.stream()
                .map(s -> alerts.list(viewer, s, 1, page * SHOWN))
                .toList();
        List<Alert> merged =
                newestFirst(found.stream().flatMap(p -> p.items().stream()).toList());
        return section(kind, merged, found.stream().mapToLong(Page::total).sum(), page);
    }

    private static Section section(Kind kind, List<Alert> all, long total, int page) {
        List<Alert> shown =
                all.stream().skip((long) (page - 1) * SHOWN).limit(SHOWN).toList();
        return new Section(kind.code(), kind.title, kind.empty, rows(shown), total, page);
    }

    /** The order {@link Alerts#list} uses. */
    private static List<Alert> newestFirst(List<Alert> alerts) {
        return alerts.stream()
                .sorted(Comparator.comparing((Alert a) -> Objects.requireNonNullElse(a.publishedAt(), a.updatedAt()))
                        .thenComparing(a -> a.id().value())
                        .reversed())
                .toList();
    }

    private static List<Row> rows(List<Alert> alerts) {
        return alerts.stream()
                .map(a -> new Row(a, TlpLabel.of(a.content().tlp())))
                .toList();
    }

    private static int pageNumber(String text) {
        try {
            return Math.clamp(Integer.parseInt(text.strip()), 1, 10_000);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
