package org.cascadehub.access;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page an emailed set-password link opens. */
@Controller
class SetPasswordController {

    static final String LINK_NOT_GOOD = "This link has expired or has already been used. Ask your organisation's "
            + "security manager or the hub administrator to send a new one.";

    private final PasswordSetups setups;

    SetPasswordController(PasswordSetups setups) {
        this.setups = setups;
    }

    @GetMapping("/account/set-password")
    String form(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        if (setups.personFor(token).isEmpty()) {
            model.addAttribute("linkError", LINK_NOT_GOOD);
        }
        return "access/set-password";
    }

    @PostMapping("/account/set-password")
    String set(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model) {
        model.addAttribute("token", token);
        String problem = problem(password, confirmation);
        if (problem != null) {
            model.addAttribute("passwordError", problem);
            return "access/set-password";
        }
        if (!setups.complete(token, password)) {
            model.addAttribute("linkError", LINK_NOT_GOOD);
            return "access/set-password";
        }
        return "redirect:/sign-in?password-set=true";
    }

    private static @Nullable String problem(String password, String confirmation) {
        if (password.length() < Credentials.MINIMUM_PASSWORD_LENGTH) {
            return "Your password must be at least " + Credentials.MINIMUM_PASSWORD_LENGTH
                    + " characters. A few unrelated words make a good one.";
        }
        if (password.length() > 1000) {
            return "Your password must be 1,000 characters or fewer";
        }
        if (!password.equals(confirmation)) {
            return "The two passwords are not the same";
        }
        return null;
    }
}
