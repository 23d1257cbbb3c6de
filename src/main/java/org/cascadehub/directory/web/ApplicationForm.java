package org.cascadehub.directory.web;

import java.util.ArrayList;
import java.util.List;
import org.cascadehub.directory.MembershipApplications;
import org.jspecify.annotations.Nullable;

/**
 * The application form as typed: the organisation's details (inputs named {@code organisation.name}
 * and so on, as the service names their problems), then the applicant's.
 */
record ApplicationForm(
        @Nullable OrganisationForm organisation,
        @Nullable String applicantName,
        @Nullable String applicantEmail,
        @Nullable String applicantPhone,
        @Nullable String message) {

    static final String[] FIELDS = fields();

    static ApplicationForm empty() {
        return new ApplicationForm(OrganisationForm.empty(), null, null, null, null);
    }

    /** The organisation's part, empty if nothing of it was sent. */
    public OrganisationForm organisationOrEmpty() {
        return organisation == null ? OrganisationForm.empty() : organisation;
    }

    MembershipApplications.Application application() {
        return new MembershipApplications.Application(
                organisationOrEmpty().details(), applicantName, applicantEmail, applicantPhone, message);
    }

    private static String[] fields() {
        List<String> fields = new ArrayList<>();
        for (String field : OrganisationForm.FIELDS) {
            fields.add("organisation." + field);
        }
        fields.addAll(List.of("applicantName", "applicantEmail", "applicantPhone", "message"));
        return fields.toArray(String[]::new);
    }
}
