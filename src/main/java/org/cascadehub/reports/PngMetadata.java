package org.cascadehub.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;
import org.cascadehub.platform.InvalidInput;

/**
 * Removes metadata from a PNG without re-encoding it: only the chunks that say how to draw the
 * picture are kept (so text, EXIF, XMP and time chunks, and any private chunk, are dropped), each
 * checked against its CRC; anything after the end chunk is dropped.
 */
final class PngMetadata {

    private static final int SIGNATURE_LENGTH = 8;

    /** Critical chunks, and the ancillary ones that change how the picture looks or animates. */
    private static final Set<String> DRAWING = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "hIST",
            "sPLT", "cICP", "mDCV", "cLLI", "acTL", "fcTL", "fdAT");

    private PngMetadata() {}

    static byte[] strip(byte[] png) {
        try {
            return keepDrawingChunks(png);
        } catch (IndexOutOfBoundsException | IllegalStateException broken) {
            throw InvalidInput.of(
                    ContentSniffer.FIELD, "The file starts like a PNG image but is damaged or cut short.");
        }
    }

    private static byte[] keepDrawingChunks(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, SIGNATURE_LENGTH);
        int at = SIGNATURE_LENGTH;
        boolean first = true;
        while (true) {
            long length = u32(png, at);
            if (length > png.length - at - 12L) {
                throw new IllegalStateException("cut short");
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            int total = 12 + (int) length;
            if (first != type.equals("IHDR")) {
                throw new IllegalStateException("IHDR must come first");
            }
            first = false;
            if (!crcMatches(png, at, (int) length)) {
                throw new IllegalStateException("bad CRC");
            }
            boolean critical = Character.isUpperCase(type.charAt(0));
            if (critical && !DRAWING.contains(type)) {
                throw new IllegalStateException("unknown critical chunk");
            }
            if (DRAWING.contains(type)) {
                out.write(png, at, total);
            }
            at += total;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    private static boolean crcMatches(byte[] png, int chunk, int length) {
        CRC32 crc = new CRC32();
        crc.update(png, chunk + 4, 4 + length);
        return crc.getValue() == u32(png, chunk + 8 + length);
    }

    private static long u32(byte[] b, int at) {
        if (at + 4 > b.length) {
            throw new IllegalStateException("cut short");
        }
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }
}
