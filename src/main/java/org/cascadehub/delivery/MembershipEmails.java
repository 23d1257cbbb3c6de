package org.cascadehub.delivery;

import org.cascadehub.directory.DirectoryEvents.OrganisationApplied;
import org.cascadehub.directory.DirectoryEvents.OrganisationRejected;
import org.cascadehub.directory.DirectoryEvents.OrganisationVetted;
import org.cascadehub.directory.MembershipApplication;
import org.cascadehub.directory.MembershipApplications;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells an applicant by email when their organisation's application arrives, is accepted or is
 * refused. Listening to the directory's events (rather than the directory sending) keeps the
 * dependency one way: delivery knows the directory, not the reverse.
 */
@Component
class MembershipEmails {

    private final MembershipApplications applications;
    private final EmailOutbox outbox;

    MembershipEmails(MembershipApplications applications, EmailOutbox outbox) {
        this.applications = applications;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(OrganisationApplied applied) {
        applications
                .latestFor(applied.organisationId())
                .ifPresent(application -> outbox.enqueue(
                        new Email(
                                application.applicantEmail(),
                                "Your application to join Cascade",
                                "We have your application for " + application.organisationName()
                                        + " to join Cascade.\n\n"
                                        + "A hub administrator or sector lead will vet it and we will email you the outcome."),
                        key(application, "applied")));
    }

    @ApplicationModuleListener
    void on(OrganisationVetted vetted) {
        applications
                .latestFor(vetted.organisationId())
                .filter(a -> "APPROVED".equals(a.decision()))
                .ifPresent(application -> outbox.enqueue(
                        new Email(
                                application.applicantEmail(),
                                "Your organisation has joined Cascade",
                                application.organisationName()
                                        + " has been vetted and is now a member of Cascade.\n\n"
                                        + "We will send you a separate email with a link to set your password."),
                        key(application, "vetted")));
    }

    @ApplicationModuleListener
    void on(OrganisationRejected rejected) {
        applications
                .latestFor(rejected.organisationId())
                .filter(a -> "REJECTED".equals(a.decision()))
                .ifPresent(application -> outbox.enqueue(
                        new Email(
                                application.applicantEmail(),
                                "Your application to join Cascade",
                                "Your application for " + application.organisationName()
                                        + " to join Cascade was not accepted.\n\n" + "The reason given: "
                                        + rejected.reason()),
                        key(application, "rejected")));
    }

    private static String key(MembershipApplication application, String step) {
        return "membership:" + application.id() + ":" + step;
    }
}
