package org.cascadehub.dashboard;

import java.util.Comparator;
import org.cascadehub.access.SignedInPerson;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private final ReportCharts reportCharts;

    DashboardController(ReportCharts reportCharts) {
        this.reportCharts = reportCharts;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInPerson person, Viewer viewer, Model model) {
        model.addAttribute("person", person);
        model.addAttribute(
                "roles",
                person.roles().stream()
                        .sorted(Comparator.naturalOrder())
                        .map(Role::label)
                        .toList());
        model.addAttribute("police", viewer.is(Role.POLICE_COORDINATOR));
        if (viewer.vettedMember()) {
            model.addAttribute("reportCharts", reportCharts.of(viewer));
        }
        return "dashboard/home";
    }
}
