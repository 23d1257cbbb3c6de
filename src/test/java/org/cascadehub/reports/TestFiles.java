package org.cascadehub.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small real files made in the test: pictures with location metadata, PDFs with and without scripts. */
public final class TestFiles {

    /** The camera make written into the test EXIF block: it must not survive stripping. */
    public static final String CAMERA = "CascadeTestCam";

    public static final String COMMENT = "taken at the suspect's address";

    private TestFiles() {}

    /** A picture with a few coloured blocks, so that decoding it proves something. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, height / 2, width / 2, height / 2);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /**
     * A JPEG as a phone writes it: EXIF with camera make, orientation and a GPS position (51°30'N
     * 0°7'W), XMP with the same position, IPTC, a comment, and bytes hidden after the image.
     */
    public static byte[] jpegWithLocation(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.writeBytes(segment(0xE1, bytes("Exif\0\0"), exifWithGps(orientation)));
        out.writeBytes(segment(0xE1, bytes("http://ns.adobe.com/xap/1.0/\0"), bytes(xmp())));
        out.writeBytes(segment(0xED, bytes("Photoshop 3.0\0"), bytes("8BIM\u0004\u0004 city: Westminster")));
        out.writeBytes(segment(0xFE, bytes(COMMENT)));
        out.write(plain, 2, plain.length - 2); // the original's own segments and image data, SOI dropped
        out.writeBytes(bytes("PK\u0003\u0004 hidden after the end of the image"));
        return out.toByteArray();
    }

    static String xmp() {
        return "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                + "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='51,30.0N'"
                + " exif:GPSLongitude='0,7.0W'/></rdf:RDF></x:xmpmeta>";
    }

    /** A big-endian TIFF block: IFD0 (Make, Orientation, GPS pointer) and a GPS directory. */
    static byte[] exifWithGps(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(256);
        tiff.put(bytes("MM")).putShort((short) 42).putInt(8);
        int ifd0Entries = 3;
        int ifd0End = 8 + 2 + ifd0Entries * 12 + 4;
        int makeAt = ifd0End;
        byte[] make = bytes(CAMERA + "\0");
        int gpsAt = makeAt + make.length + (make.length % 2);
        tiff.putShort((short) ifd0Entries);
        entry(tiff, 0x010F, 2, make.length, makeAt); // Make, ASCII
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, gpsAt); // GPS IFD pointer, LONG
        tiff.putInt(0);
        tiff.put(make);
        if (make.length % 2 == 1) {
            tiff.put((byte) 0);
        }
        int gpsEntries = 4;
        int rationalsAt = gpsAt + 2 + gpsEntries * 12 + 4;
        tiff.putShort((short) gpsEntries);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(bytes("N\0\0\0")); // GPSLatitudeRef
        entry(tiff, 0x0002, 5, 3, rationalsAt); // GPSLatitude, 3 RATIONALs
        tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(bytes("W\0\0\0")); // GPSLongitudeRef
        entry(tiff, 0x0004, 5, 3, rationalsAt + 24); // GPSLongitude
        tiff.putInt(0);
        for (int value : new int[] {51, 30, 0, 0, 7, 0}) {
            tiff.putInt(value).putInt(1);
        }
        byte[] result = new byte[tiff.position()];
        tiff.flip().get(result);
        return result;
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOrOffset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    /** A PNG with every kind of metadata chunk PNG has, a private chunk, and bytes after its end. */
    public static byte[] pngWithMetadata(int width, int height) {
        byte[] plain = png(width, height);
        int afterHeader = 8 + 25; // signature, then IHDR (13 bytes of data + length, type, CRC)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        out.writeBytes(chunk("tEXt", bytes("Comment\0" + COMMENT)));
        out.writeBytes(chunk("zTXt", concat(bytes("Location\0\0"), deflate(bytes("51.5074 N, 0.1278 W")))));
        out.writeBytes(chunk("iTXt", bytes("XML:com.adobe.xmp\0\0\0\0\0" + xmp())));
        out.writeBytes(chunk("eXIf", exifWithGps(1)));
        out.writeBytes(chunk("tIME", new byte[] {0x07, (byte) 0xEA, 11, 29, 18, 0, 0}));
        out.writeBytes(chunk("prVt", bytes(CAMERA)));
        out.write(plain, afterHeader, plain.length - afterHeader);
        out.writeBytes(bytes("trailing " + CAMERA));
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] text) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(text);
        deflater.finish();
        byte[] buffer = new byte[256];
        int length = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(bytes(type)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    static byte[] segment(int marker, byte[]... parts) {
        int length = 2;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A one-page PDF with a line of text, written by PDFBox (with its object streams). */
    public static byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            return save(withPage(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PDDocument withPage(PDDocument document) throws IOException {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(document, page)) {
            text.beginText();
            text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            text.newLineAtOffset(72, 720);
            text.showText("Statement about the incident");
            text.endText();
        }
        return document;
    }

    static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** A PDF written by hand, as an attacker would: objects in plain text, the given catalog entries. */
    public static byte[] handWrittenPdf(String catalogExtras, String... extraObjects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        java.util.List<Integer> offsets = new java.util.ArrayList<>();
        java.util.List<String> objects = new java.util.ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R " + catalogExtras + " >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        objects.addAll(java.util.List.of(extraObjects));
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n");
        pdf.append(xref).append("\n%%EOF\n");
        return bytes(pdf.toString());
    }

    /** The start of a Windows program: an MZ header and the PE signature it points to. */
    public static byte[] windowsProgram() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        System.arraycopy(bytes("PE\0\0"), 0, exe, 0x80, 4);
        System.arraycopy(bytes("This program cannot be run in DOS mode."), 0, exe, 0x4E, 39);
        return exe;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
