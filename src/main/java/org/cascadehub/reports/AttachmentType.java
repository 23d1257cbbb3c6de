package org.cascadehub.reports;

import java.util.Locale;

/** The kinds of file a report may carry, recognised from their bytes (never from a name or header). */
public enum AttachmentType {
    JPEG("image/jpeg", "jpg", "JPEG image"),
    PNG("image/png", "png", "PNG image"),
    PDF("application/pdf", "pdf", "PDF document");

    private final String mediaType;
    private final String extension;
    private final String label;

    AttachmentType(String mediaType, String extension, String label) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.label = label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name extension a download is given, whatever the uploaded name said. */
    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    public boolean image() {
        return this != PDF;
    }

    static AttachmentType ofMediaType(String mediaType) {
        for (AttachmentType type : values()) {
            if (type.mediaType.equals(mediaType.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("not an attachment type: " + mediaType);
    }
}
