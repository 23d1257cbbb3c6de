package org.cascadehub.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.cascadehub.access.SignInVerifier.Accepted;
import org.cascadehub.access.SignInVerifier.Throttled;
import org.cascadehub.directory.People;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and, for those who use one, the second-factor code page. */
@Controller
class SignInController {

    static final String WRONG_CREDENTIALS = "The email address or password is not right.";
    static final String WRONG_CODE = "The code is not right. Enter the 6-digit code your authenticator app shows now.";

    private final SignInVerifier verifier;
    private final People people;
    private final SessionUpgrade upgrade;

    SignInController(SignInVerifier verifier, People people, SessionUpgrade upgrade) {
        this.verifier = verifier;
        this.people = people;
        this.upgrade = upgrade;
    }

    @GetMapping("/sign-in")
    String signIn(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String throttled,
            @RequestParam(name = "signed-out", required = false) @Nullable String signedOut,
            @RequestParam(name = "password-set", required = false) @Nullable String passwordSet,
            HttpSession session,
            Model model) {
        Object typed = session.getAttribute(SignInHandlers.TYPED_EMAIL);
        model.addAttribute("email", typed == null ? "" : typed);
        if (throttled != null) {
            model.addAttribute("error", throttledMessage(throttled));
        } else if (error != null) {
            model.addAttribute("error", WRONG_CREDENTIALS);
        }
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("passwordSet", passwordSet != null);
        return "access/sign-in";
    }

    @GetMapping("/sign-in/code")
    String codeForm() {
        return "access/sign-in-code";
    }

    @PostMapping("/sign-in/code")
    String checkCode(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var summary = people.findById(new org.cascadehub.directory.PersonId(person.personId()));
        if (summary.isEmpty()) {
            model.addAttribute("error", WRONG_CODE);
            return "access/sign-in-code";
        }
        return switch (verifier.checkCode(summary.get(), code, request.getRemoteAddr())) {
            case Accepted accepted -> {
                upgrade.toSignedIn(SignedInPerson.of(accepted.person()), request, response);
                yield "redirect:/";
            }
            case Throttled throttled -> {
                model.addAttribute(
                        "error",
                        throttledMessage(Long.toString(
                                new SignInThrottledException(throttled.retryAfter()).retryAfterMinutes())));
                yield "access/sign-in-code";
            }
            default -> {
                model.addAttribute("error", WRONG_CODE);
                yield "access/sign-in-code";
            }
        };
    }

    static String throttledMessage(String minutes) {
        String wait = minutes.matches("\\d{1,4}") ? minutes : "15";
        return "Too many failed attempts to sign in. Wait " + wait + (wait.equals("1") ? " minute" : " minutes")
                + ", then try again.";
    }
}
