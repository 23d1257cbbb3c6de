package org.cascadehub.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertEvents.AcknowledgementsOverdue;
import org.cascadehub.alerts.AlertEvents.AlertPublished;
import org.cascadehub.alerts.AlertEvents.Overdue;
import org.cascadehub.alerts.AlertNotices;
import org.cascadehub.alerts.AlertNotices.EmailNotice;
import org.cascadehub.alerts.AlertNotices.SharedEmail;
import org.cascadehub.alerts.AlertStatus;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.alerts.Recipient;
import org.cascadehub.delivery.EmailOutbox.OwnPart;
import org.cascadehub.delivery.EmailOutbox.SharedContent;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Roster;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.platform.UrgentWork;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a published alert on every channel but the screen: email and SMS to each recipient who
 * chose them, and webhooks to recipient organisations' partner systems, all through the durable
 * outboxes. Dedupe keys make a re-run after a crash queue nothing twice. An alert's email and its
 * reminder are each stored once for all recipients (content keys {@code alert:<id>:email} and
 * {@code alert:<id>:reminder-email}), each recipient's row holding only their acknowledgement link.
 * Escalation steps use the same outboxes.
 */
@Component
class AlertChannels {

    static final int STEP = 1_000;

    private final Alerts alerts;
    private final AlertNotices notices;
    private final Roster roster;
    private final EmailOutbox emails;
    private final SmsOutbox texts;
    private final WebhookOutbox webhooks;
    private final JsonMapper json;
    private final UrgentWork urgent;
    private final TransactionTemplate transactions;

    AlertChannels(
            Alerts alerts,
            AlertNotices notices,
            Roster roster,
            EmailOutbox emails,
            SmsOutbox texts,
            WebhookOutbox webhooks,
            JsonMapper json,
            UrgentWork urgent,
            TransactionTemplate transactions) {
        this.alerts = alerts;
        this.notices = notices;
        this.roster = roster;
        this.emails = emails;
        this.texts = texts;
        this.webhooks = webhooks;
        this.json = json;
        this.urgent = urgent;
        this.transactions = transactions;
    }

    /**
     * Queues in steps of {@value #STEP} recipients, each in a transaction of its own and in its turn
     * in the bulk lane ({@link UrgentWork#inTurn}): the screens are the channel that must arrive
     * within a second, and on a small machine this work would take their cores. The waiting happens
     * between transactions, so a queue of alerts waiting holds no pooled connection. From the event
     * registry like the others, asynchronously, but with no transaction around the whole: a step
     * committed before a crash is not queued again when the event is handed over again (dedupe keys).
     */
    @Async
    @TransactionalEventListener
    void on(AlertPublished published) throws InterruptedException {
        Alert alert = alerts.find(published.alertId()).orElseThrow();
        List<Recipient> recipients = alerts.recipients(alert.id());
        SharedEmail email = notices.sharedEmail(alert);
        SharedContent content = content(alert, "email", email);
        String text = notices.sms(alert);
        for (int from = 0; from < recipients.size(); from += STEP) {
            List<Recipient> step = recipients.subList(from, Math.min(recipients.size(), from + STEP));
            urgent.inTurn(() -> transactions.executeWithoutResult(status -> queue(alert, step, content, email, text)));
        }
        Set<OrganisationId> organisations =
                recipients.stream().map(Recipient::organisationId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Object> body = notices.webhook(alert);
        urgent.inTurn(() -> transactions.executeWithoutResult(status -> webhooks.enqueue(
                organisations, (String) body.get("event"), json.writeValueAsString(body), "alert:" + alert.id())));
    }

    private void queue(Alert alert, List<Recipient> step, SharedContent content, SharedEmail email, String text) {
        Map<PersonId, Member> contacts =
                contacts(step.stream().map(Recipient::personId).toList());
        List<OwnPart> mail = new ArrayList<>();
        List<KeyedSms> sms = new ArrayList<>();
        for (Recipient recipient : step) {
            Member member = contacts.get(recipient.personId());
            if (member == null) {
                continue; // suspended or erased since publication
            }
            if (recipient.viaEmail()) {
                mail.add(new OwnPart(member.email(), email.own().apply(member.id()), key(alert, "email", member.id())));
            }
            if (recipient.viaSms() && member.phone() != null) {
                sms.add(new KeyedSms(new Sms(member.phone(), text), key(alert, "sms", member.id())));
            }
        }
        emails.enqueueShared(content, mail);
        texts.enqueueAll(sms);
    }

    /** Level 1: a reminder by email; 2: by text message; 3: the organisation's security managers are told. */
    @ApplicationModuleListener
    void on(AcknowledgementsOverdue overdue) {
        Alert alert = alerts.find(overdue.alertId()).orElseThrow();
        if (alert.status() != AlertStatus.PUBLISHED) {
            return; // cancelled, superseded or expired since the step was taken
        }
        Map<PersonId, Member> contacts =
                contacts(overdue.recipients().stream().map(Overdue::personId).toList());
        switch (overdue.level()) {
            case 1 -> {
                SharedEmail reminder = notices.reminders(alert);
                emails.enqueueShared(
                        content(alert, "reminder-email", reminder),
                        contacts.values().stream()
                                .map(m -> new OwnPart(
                                        m.email(), reminder.own().apply(m.id()), key(alert, "reminder-email", m.id())))
                                .toList());
            }
            case 2 ->
                texts.enqueueAll(contacts.values().stream()
                        .filter(m -> m.phone() != null)
                        .map(m -> new KeyedSms(
                                new Sms(m.phone(), notices.sms(alert)), key(alert, "reminder-sms", m.id())))
                        .toList());
            default -> tellSecurityManagers(alert, overdue.recipients(), contacts);
        }
    }

    private void tellSecurityManagers(Alert alert, List<Overdue> overdue, Map<PersonId, Member> contacts) {
        Map<OrganisationId, List<String>> names = new LinkedHashMap<>();
        for (Overdue person : overdue) {
            Member member = contacts.get(person.personId());
            if (member != null) {
                names.computeIfAbsent(person.organisationId(), k -> new ArrayList<>())
                        .add(member.name());
            }
        }
        List<KeyedEmail> mail = new ArrayList<>();
        names.forEach((organisation, people) -> {
            for (Member manager : roster.securityManagers(organisation)) {
                mail.add(email(
                        manager,
                        notices.unacknowledged(alert, people),
                        key(alert, "unacknowledged-" + organisation, manager.id())));
            }
        });
        emails.enqueueAll(mail);
    }

    private Map<PersonId, Member> contacts(List<PersonId> people) {
        return roster.members(people).stream()
                .collect(Collectors.toMap(Member::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static KeyedEmail email(Member member, EmailNotice notice, String key) {
        return new KeyedEmail(new Email(member.email(), notice.subject(), notice.body()), key);
    }

    /** Stored once for all of an alert's recipients on the channel; their rows hold their own part. */
    private static SharedContent content(Alert alert, String channel, SharedEmail email) {
        return new SharedContent("alert:" + alert.id() + ":" + channel, email.subject(), email.head(), email.tail());
    }

    private static String key(Alert alert, String channel, PersonId person) {
        return "alert:" + alert.id() + ":" + channel + ":" + person;
    }
}
