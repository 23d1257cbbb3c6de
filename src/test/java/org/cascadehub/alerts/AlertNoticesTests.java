package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** TLP on the email, SMS and webhook read paths: AMBER and RED carry a link and the label, never the content. */
@CascadeTest
class AlertNoticesTests {

    static final String SECRET_HEADLINE = "Vehicle of interest: blue van";
    static final String SECRET_DESCRIPTION = "Registration AB12 CDE seen near the market";

    @Autowired
    AlertNotices notices;

    @Autowired
    AckLinks ackLinks;

    @Autowired
    JsonMapper json;

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void contentLeavesTheHubOnlyWhereTheLabelAllows(Tlp tlp) {
        Alert alert = alert(tlp);
        PersonId recipient = PersonId.random();
        AlertNotices.EmailNotice email = notices.email(alert, recipient);
        String sms = notices.sms(alert);
        String webhook = json.writeValueAsString(notices.webhook(alert));
        boolean contentAllowed = tlp == Tlp.CLEAR || tlp == Tlp.GREEN;

        for (String text : List.of(email.subject() + email.body(), sms, webhook)) {
            assertThat(text.contains(SECRET_HEADLINE) || text.contains(SECRET_DESCRIPTION))
                    .as(text)
                    .isEqualTo(contentAllowed);
            assertThat(text).contains(tlp.label()).contains("/alerts/42");
        }
        assertThat(email.body()).contains(ackLinks.linkFor(alert.id(), recipient));
        assertThat(sms).endsWith("Reply ACK 42 to acknowledge.").hasSizeLessThanOrEqualTo(AlertNotices.SMS_MAX);
    }

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void anAcknowledgementLinkIsSignedForOnePerson(Tlp tlp) {
        AlertId id = new AlertId(42);
        PersonId one = PersonId.random();
        PersonId other = PersonId.random();
        String signature = ackLinks.sign(id, one);

        assertThat(ackLinks.verify(id, one, signature)).isTrue();
        assertThat(ackLinks.verify(id, other, signature)).isFalse();
        assertThat(ackLinks.verify(new AlertId(43), one, signature)).isFalse();
        assertThat(ackLinks.verify(id, one, signature.substring(1))).isFalse();
    }

    static Alert alert(Tlp tlp) {
        AlertContent content =
                RecipientIndexTests.content(Area.ofBoroughs(List.of("westminster")), Audience.everyone(), tlp);
        content = new AlertContent(
                SECRET_HEADLINE,
                "Event",
                SECRET_DESCRIPTION,
                "Call 999 if seen",
                content.category(),
                content.urgency(),
                content.severity(),
                content.certainty(),
                null,
                tlp,
                content.area(),
                "Westminster",
                content.audience(),
                content.expires());
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        return new Alert(
                new AlertId(42),
                new AlertId(42),
                null,
                null,
                CapMsgType.Alert,
                AlertStatus.PUBLISHED,
                content,
                null,
                PersonId.random(),
                "Author",
                OrganisationId.random(),
                "Metropolitan Police Service",
                now,
                now,
                null,
                null,
                null,
                null,
                null,
                7L,
                "cascade-alert-42",
                now,
                10);
    }
}
