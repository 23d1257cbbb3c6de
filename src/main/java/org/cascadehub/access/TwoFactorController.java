package org.cascadehub.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Setting up two-factor sign-in: by choice from the account page, or as the only way on for a
 * privileged role outside demo mode. The new secret lives in the session until a code proves it.
 */
@Controller
class TwoFactorController {

    private static final String PENDING_SECRET = TwoFactorController.class.getName() + ".secret";

    private final SecondFactorEnrolment enrolment;
    private final SessionUpgrade upgrade;
    private final AccessSettings settings;

    TwoFactorController(SecondFactorEnrolment enrolment, SessionUpgrade upgrade, AccessSettings settings) {
        this.enrolment = enrolment;
        this.upgrade = upgrade;
        this.settings = settings;
    }

    @GetMapping("/account/two-factor")
    String show(
            @AuthenticationPrincipal SignedInPerson person,
            Authentication authentication,
            HttpSession session,
            Model model) {
        boolean enrolled = enrolment.enrolled(new PersonId(person.personId()));
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("required", Authorities.has(authentication, Authorities.ENROLMENT_REQUIRED));
        if (!enrolled) {
            String secret = (String) session.getAttribute(PENDING_SECRET);
            if (secret == null) {
                secret = Totp.newSecret();
                session.setAttribute(PENDING_SECRET, secret);
            }
            model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
            model.addAttribute("uri", Totp.provisioningUri(settings.issuer(), person.email(), secret));
        }
        return "access/two-factor";
    }

    /** The pending secret as a QR code an authenticator app can scan; nothing once enrolled. */
    @GetMapping(value = "/account/two-factor/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qrCode(@AuthenticationPrincipal SignedInPerson person, HttpSession session) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null || enrolment.enrolled(new PersonId(person.personId()))) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(QrCodes.svg(Totp.provisioningUri(settings.issuer(), person.email(), secret)));
    }

    @PostMapping("/account/two-factor")
    String confirm(
            @AuthenticationPrincipal SignedInPerson person,
            Authentication authentication,
            @RequestParam(defaultValue = "") String code,
            HttpSession session,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        Actor actor = new Actor(person.email(), request.getRemoteAddr());
        if (secret == null || !enrolment.confirm(new PersonId(person.personId()), secret, code, actor)) {
            model.addAttribute("codeError", SignInController.WRONG_CODE);
            return show(person, authentication, session, model);
        }
        session.removeAttribute(PENDING_SECRET);
        if (Authorities.has(authentication, Authorities.ENROLMENT_REQUIRED)) {
            upgrade.toSignedIn(person, request, response);
        }
        redirect.addFlashAttribute(
                "notice", "Two-factor sign-in is on. You will be asked for a code each time you sign in.");
        return "redirect:/";
    }
}
