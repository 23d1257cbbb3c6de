package org.cascadehub.alerts.web;

import java.util.UUID;
import org.cascadehub.alerts.AckLinks;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Conflict;
import org.cascadehub.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page a signed link in an alert email opens, without signing in. The signature proves the
 * link was made for that recipient, so the page may show them the alert's headline. Opening it
 * acknowledges nothing (mail scanners follow links); the button on it does, unless the alert has
 * been cancelled or has expired (then the page says so). A link that does not
 * verify, or names someone the alert was not sent to, is not found, with no detail.
 */
@Controller
class AckLinkPage implements AlertPage {

    private final AckLinks links;
    private final Alerts alerts;
    private final Acknowledgements acknowledgements;

    AckLinkPage(AckLinks links, Alerts alerts, Acknowledgements acknowledgements) {
        this.links = links;
        this.alerts = alerts;
        this.acknowledgements = acknowledgements;
    }

    /** A verified link: the alert and the recipient it was made for. */
    private record Verified(Alert alert, PersonId person, String signature) {}

    @GetMapping("/alerts/{id}/ack")
    String link(@PathVariable long id, @RequestParam String person, @RequestParam String signature, Model model) {
        Verified link = verified(id, person, signature);
        model.addAttribute("alert", link.alert());
        model.addAttribute("tlp", TlpLabel.of(link.alert().content().tlp()));
        model.addAttribute("person", link.person());
        model.addAttribute("signature", link.signature());
        model.addAttribute(
                "acknowledged",
                acknowledgements.of(link.alert().id(), link.person()).orElse(null));
        model.addAttribute("closed", link.alert().status().closed());
        return "alerts/ack";
    }

    @PostMapping("/alerts/{id}/ack")
    String acknowledge(
            @PathVariable long id,
            @RequestParam String person,
            @RequestParam String signature,
            RedirectAttributes redirect) {
        Verified link = verified(id, person, signature);
        try {
            acknowledgements.acknowledgeFor(link.person(), link.alert().id(), "email");
            redirect.addFlashAttribute("notice", "Thank you: your acknowledgement is recorded.");
        } catch (Conflict closed) {
            redirect.addFlashAttribute("warning", closed.getMessage());
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/alerts/{id}/ack")
                        .queryParam("person", link.person())
                        .queryParam("signature", link.signature())
                        .buildAndExpand(id)
                        .encode()
                        .toUriString();
    }

    private Verified verified(long id, String person, String signature) {
        AlertId alertId = new AlertId(id);
        PersonId personId;
        try {
            personId = new PersonId(UUID.fromString(person));
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        if (!links.verify(alertId, personId, signature)) {
            throw notFound();
        }
        Alert alert = alerts.find(alertId)
                .filter(a -> a.status().sent() && alerts.isRecipient(alertId, personId))
                .orElseThrow(AckLinkPage::notFound);
        return new Verified(alert, personId, signature);
    }

    private static NotFound notFound() {
        return new NotFound("There is no such acknowledgement link.");
    }
}
