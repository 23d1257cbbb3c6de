package org.cascadehub.directory;

/** What kind of body an organisation is. */
public enum OrganisationKind {
    POLICE_UNIT("Police unit"),
    SECURITY_SUPPLIER("Security supplier"),
    BUSINESS("Business"),
    BUSINESS_CRIME_REDUCTION_PARTNERSHIP("Business crime reduction partnership"),
    BUSINESS_IMPROVEMENT_DISTRICT("Business improvement district"),
    LOCAL_AUTHORITY("Local authority"),
    INFRASTRUCTURE_OPERATOR("Infrastructure operator"),
    HUB_OPERATOR("Hub operator"),
    OTHER("Other");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
