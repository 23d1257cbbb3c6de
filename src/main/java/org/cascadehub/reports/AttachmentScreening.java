package org.cascadehub.reports;

/**
 * What an upload must pass before it is stored: a size within the limit, a type recognised from
 * its bytes, image metadata removed, a PDF free of anything that runs.
 */
final class AttachmentScreening {

    /** The bytes to store and what they are. */
    record Screened(AttachmentType type, byte[] bytes) {}

    private AttachmentScreening() {}

    static Screened screen(byte[] upload, long maxBytes) {
        if (upload.length > maxBytes) {
            throw new AttachmentTooLarge(maxBytes);
        }
        AttachmentType type = ContentSniffer.detect(upload);
        return switch (type) {
            case JPEG -> new Screened(type, JpegMetadata.strip(upload));
            case PNG -> new Screened(type, PngMetadata.strip(upload));
            case PDF -> {
                PdfCheck.check(upload);
                yield new Screened(type, upload);
            }
        };
    }
}
