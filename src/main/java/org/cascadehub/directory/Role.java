package org.cascadehub.directory;

/** What a person may do in the hub, within their organisation. */
public enum Role {
    ADMINISTRATOR("Hub administrator", true),
    POLICE_COORDINATOR("Police coordinator", true),
    APPROVER("Approver", true),
    SECTOR_LEAD("Sector lead", false),
    SECURITY_MANAGER("Security manager", false),
    MEMBER("Member", false);

    private final String label;
    private final boolean privileged;

    Role(String label, boolean privileged) {
        this.label = label;
        this.privileged = privileged;
    }

    public String label() {
        return label;
    }

    /** Privileged roles must use multi-factor sign-in outside demo mode. */
    public boolean privileged() {
        return privileged;
    }
}
