package org.cascadehub.dashboard;

import java.util.Comparator;
import org.cascadehub.access.SignedInPerson;
import org.cascadehub.directory.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("person", person);
        model.addAttribute(
                "roles",
                person.roles().stream()
                        .sorted(Comparator.naturalOrder())
                        .map(Role::label)
                        .toList());
        return "dashboard/home";
    }
}
