package org.cascadehub.reports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a file is from its first bytes. Only JPEG, PNG and PDF are accepted; anything else is
 * refused on the field {@code file}, saying what it really is where that is recognisable, so an
 * executable named {@code photo.jpg} is refused as an executable.
 */
final class ContentSniffer {

    static final String FIELD = "file";
    private static final String ACCEPTED = "Only JPEG or PNG images and PDF documents can be attached.";

    private ContentSniffer() {}

    static AttachmentType detect(byte[] bytes) {
        if (bytes.length == 0) {
            throw InvalidInput.of(FIELD, "The file is empty. Choose a JPEG or PNG image or a PDF document.");
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return AttachmentType.JPEG;
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return AttachmentType.PNG;
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
            return AttachmentType.PDF;
        }
        String really = recognise(bytes);
        throw InvalidInput.of(
                FIELD,
                really == null
                        ? "The file is not a JPEG, PNG or PDF file, whatever its name says. " + ACCEPTED
                        : "The file is really " + really + ", whatever its name says. " + ACCEPTED);
    }

    /** What a refused file is, where its first bytes say so. */
    private static @Nullable String recognise(byte[] bytes) {
        if (startsWith(bytes, 'M', 'Z')) {
            return "a Windows program (an executable)";
        }
        if (startsWith(bytes, 0x7F, 'E', 'L', 'F')) {
            return "a Linux program (an ELF executable)";
        }
        if (startsWith(bytes, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(bytes, 0xCE, 0xFA, 0xED, 0xFE)
                || startsWith(bytes, 0xFE, 0xED, 0xFA, 0xCE)
                || startsWith(bytes, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(bytes, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "a macOS or Java program (an executable)";
        }
        if (startsWith(bytes, 'P', 'K', 0x03, 0x04) || startsWith(bytes, 'P', 'K', 0x05, 0x06)) {
            return "a ZIP archive (or an Office document or Java archive)";
        }
        if (startsWith(bytes, 'R', 'a', 'r', '!') || startsWith(bytes, '7', 'z', 0xBC, 0xAF)) {
            return "a compressed archive";
        }
        if (startsWith(bytes, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an older Microsoft Office document";
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(bytes, 'R', 'I', 'F', 'F')
                && bytes.length >= 12
                && ascii(bytes, 8, 4).equals("WEBP")) {
            return "a WebP image";
        }
        if (startsWith(bytes, 'B', 'M')) {
            return "a BMP image";
        }
        if (startsWith(bytes, 'I', 'I', 0x2A, 0x00) || startsWith(bytes, 'M', 'M', 0x00, 0x2A)) {
            return "a TIFF image";
        }
        if (bytes.length >= 12 && ascii(bytes, 4, 4).equals("ftyp")) {
            return "a video or HEIC image";
        }
        return recogniseText(bytes);
    }

    private static @Nullable String recogniseText(byte[] bytes) {
        String start = ascii(bytes, 0, Math.min(bytes.length, 1024));
        String text = start.replaceFirst("^\u00EF\u00BB\u00BF", "") // a UTF-8 byte order mark
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (text.startsWith("#!")) {
            return "a script";
        }
        if (text.startsWith("%!")) {
            return "a PostScript program";
        }
        if (text.startsWith("{\\rtf")) {
            return "a rich text document";
        }
        if (text.contains("<svg")) {
            return "an SVG image (which can carry scripts)";
        }
        if (text.startsWith("<!doctype html") || text.contains("<html") || text.contains("<script")) {
            return "a web page (HTML)";
        }
        if (text.startsWith("<?xml")) {
            return "an XML document";
        }
        if (text.startsWith("@echo") || text.startsWith("powershell") || text.startsWith("set-")) {
            return "a script";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, Math.min(length, bytes.length - offset), StandardCharsets.ISO_8859_1);
    }
}
