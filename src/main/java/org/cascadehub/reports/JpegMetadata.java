package org.cascadehub.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.cascadehub.platform.InvalidInput;

/**
 * Removes metadata from a JPEG without re-encoding it: the marker segments that carry EXIF (with
 * GPS), XMP, IPTC, Photoshop data, comments and embedded thumbnails or extra pictures are dropped;
 * the image data is copied byte for byte, and anything after the end-of-image marker is dropped.
 * The EXIF orientation is kept, alone in a minimal EXIF segment, so the picture still shows the
 * right way up.
 */
final class JpegMetadata {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final int TAG_ORIENTATION = 0x0112;

    private JpegMetadata() {}

    static byte[] strip(byte[] jpeg) {
        try {
            return new Stripper(jpeg).run();
        } catch (ArrayIndexOutOfBoundsException | IllegalStateException broken) {
            throw InvalidInput.of(
                    ContentSniffer.FIELD, "The file starts like a JPEG image but is damaged or cut short.");
        }
    }

    private static final class Stripper {
        private final byte[] in;
        private final ByteArrayOutputStream jfifSegment;
        private final ByteArrayOutputStream image;
        private int at = 2;
        private int orientation = 1;
        private boolean frame;

        Stripper(byte[] in) {
            this.in = in;
            this.jfifSegment = new ByteArrayOutputStream(32);
            this.image = new ByteArrayOutputStream(in.length);
        }

        byte[] run() {
            while (true) {
                int marker = nextMarker();
                if (marker == EOI) {
                    break;
                }
                if (marker == SOI) {
                    throw new IllegalStateException("a second start of image");
                }
                if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                    image.write(0xFF);
                    image.write(marker);
                    continue;
                }
                int length = u16(at);
                if (length < 2) {
                    throw new IllegalStateException("segment length");
                }
                int end = at + length;
                if (end > in.length) {
                    throw new IllegalStateException("cut short");
                }
                if (keep(marker, at + 2, length - 2)) {
                    image.write(0xFF);
                    image.write(marker);
                    image.write(in, at, length);
                }
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    frame = true;
                }
                at = end;
                if (marker == SOS) {
                    if (!frame) {
                        throw new IllegalStateException("scan before frame");
                    }
                    copyScan();
                }
            }
            if (!frame) {
                throw new IllegalStateException("no frame");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(image.size() + 64);
            out.write(0xFF);
            out.write(SOI);
            // JFIF asks for its APP0 straight after the start of image; the orientation follows it.
            out.writeBytes(jfifSegment.toByteArray());
            if (orientation != 1) {
                out.writeBytes(orientationSegment(orientation));
            }
            out.writeBytes(image.toByteArray());
            out.write(0xFF);
            out.write(EOI);
            return out.toByteArray();
        }

        /** Whether a segment is image data (kept) or metadata (dropped, orientation noted). */
        private boolean keep(int marker, int data, int length) {
            if (marker == APP0) {
                if (jfifSegment.size() == 0 && length >= 14 && startsWith(data, length, "JFIF\0")) {
                    // Version, density units and density are kept; a thumbnail (an older copy of the picture) is not.
                    jfifSegment.writeBytes(new byte[] {(byte) 0xFF, (byte) APP0, 0, 16});
                    jfifSegment.write(in, data, 12);
                    jfifSegment.writeBytes(new byte[] {0, 0});
                }
                return false;
            }
            if (marker == APP1) {
                if (startsWith(data, length, "Exif\0")) {
                    orientation = Exif.orientation(in, data + 6, length - 6);
                }
                return false;
            }
            if (marker == APP2) {
                // Colour profiles change how the picture looks; other APP2 data (MPF) holds extra pictures.
                return startsWith(data, length, "ICC_PROFILE\0");
            }
            if (marker == APP14) {
                // Adobe's segment says how the colours are encoded: needed to decode the image right.
                return startsWith(data, length, "Adobe");
            }
            return !(marker >= APP0 && marker <= APP15) && marker != COM;
        }

        /** Copies entropy-coded data up to the next marker that is not a restart or a stuffed byte. */
        private void copyScan() {
            int start = at;
            while (true) {
                if (in[at] == (byte) 0xFF) {
                    int next = in[at + 1] & 0xFF;
                    if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                        at += 2;
                        continue;
                    }
                    image.write(in, start, at - start);
                    return;
                }
                at++;
            }
        }

        private int nextMarker() {
            if ((in[at] & 0xFF) != 0xFF) {
                throw new IllegalStateException("not a marker");
            }
            while ((in[at] & 0xFF) == 0xFF) {
                at++;
            }
            return in[at++] & 0xFF;
        }

        private int u16(int offset) {
            return ((in[offset] & 0xFF) << 8) | (in[offset + 1] & 0xFF);
        }

        private boolean startsWith(int offset, int length, String prefix) {
            return length >= prefix.length()
                    && new String(in, offset, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
        }
    }

    /** An APP1 segment holding an EXIF block with one tag: the orientation. */
    static byte[] orientationSegment(int orientation) {
        byte[] tiff = {
            'M',
            'M',
            0,
            0x2A,
            0,
            0,
            0,
            8, // big-endian TIFF header, first directory at 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // Orientation, SHORT, 1 value
            0,
            0,
            0,
            0 // no further directory
        };
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 2);
        out.write(0xFF);
        out.write(APP1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff);
        return out.toByteArray();
    }

    /** Reads the orientation tag from an EXIF block's first directory; 1 (upright) when absent or odd. */
    static final class Exif {
        private Exif() {}

        static int orientation(byte[] bytes, int tiff, int length) {
            if (length < 8) {
                return 1;
            }
            boolean little = bytes[tiff] == 'I' && bytes[tiff + 1] == 'I';
            boolean big = bytes[tiff] == 'M' && bytes[tiff + 1] == 'M';
            if (!little && !big) {
                return 1;
            }
            long directory = u32(bytes, tiff + 4, little);
            if (directory < 8 || directory + 2 > length) {
                return 1;
            }
            int entries = u16(bytes, tiff + (int) directory, little);
            for (int i = 0; i < entries; i++) {
                int entry = tiff + (int) directory + 2 + i * 12;
                if (entry + 12 > tiff + length) {
                    return 1;
                }
                if (u16(bytes, entry, little) == TAG_ORIENTATION && u16(bytes, entry + 2, little) == 3) {
                    int value = u16(bytes, entry + 8, little);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        }

        private static int u16(byte[] b, int at, boolean little) {
            return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
        }

        private static long u32(byte[] b, int at, boolean little) {
            long value = 0;
            for (int i = 0; i < 4; i++) {
                int shift = little ? 8 * i : 8 * (3 - i);
                value |= (long) (b[at + i] & 0xFF) << shift;
            }
            return value;
        }
    }
}
