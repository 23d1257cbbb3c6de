package org.cascadehub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.reports.AttachmentScreening.Screened;
import org.junit.jupiter.api.Test;

/** What an upload must pass: its type from its bytes, image metadata gone, PDFs that run nothing. */
class AttachmentScreeningTests {

    private static final long MAX = 10L * 1024 * 1024;

    @Test
    void jpegPngAndPdfAreRecognisedFromTheirBytes() {
        assertThat(screen(TestFiles.jpeg(40, 30)).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(screen(TestFiles.png(40, 30)).type()).isEqualTo(AttachmentType.PNG);
        assertThat(screen(TestFiles.pdf()).type()).isEqualTo(AttachmentType.PDF);
    }

    @Test
    void aWindowsProgramIsRefusedAsWhatItReallyIs() {
        assertRefused(TestFiles.windowsProgram(), "really a Windows program");
    }

    @Test
    void otherDisguisedFilesAreNamedWhereRecognisable() {
        assertRefused(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, "really a Linux program");
        assertRefused(TestFiles.bytes("#!/bin/sh\nrm -rf /\n"), "really a script");
        assertRefused(TestFiles.bytes("\n  <!DOCTYPE html><script>alert(1)</script>"), "really a web page");
        assertRefused(TestFiles.bytes("<?xml version='1.0'?><svg onload='alert(1)'/>"), "really an SVG image");
        assertRefused(TestFiles.bytes("PK\u0003\u0004\u0014\u0000"), "really a ZIP archive");
        assertRefused(TestFiles.bytes("GIF89a\u0001\u0000"), "really a GIF image");
        assertRefused(TestFiles.bytes("just some text"), "not a JPEG, PNG or PDF file");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertRefused(new byte[0], "The file is empty");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() {
        assertThatThrownBy(() -> AttachmentScreening.screen(TestFiles.windowsProgram(), 100))
                .isInstanceOf(AttachmentTooLarge.class)
                .satisfies(e -> assertThat(((InvalidInput) e).problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("file");
                            assertThat(p.message()).contains("larger than 100 bytes");
                        }));
        assertThat(AttachmentTooLarge.message(MAX)).contains("larger than 10 MB");
    }

    @Test
    void jpegLocationAndOtherMetadataAreRemovedAndThePictureIsUnchanged() throws IOException {
        byte[] upload = TestFiles.jpegWithLocation(64, 48, 1);
        assertThat(text(upload)).contains("Exif", TestFiles.CAMERA, "GPSLatitude", TestFiles.COMMENT, "8BIM");

        byte[] stored = screen(upload).bytes();

        assertThat(text(stored))
                .doesNotContain("Exif", TestFiles.CAMERA, "GPSLatitude", "ns.adobe.com", TestFiles.COMMENT, "8BIM")
                .doesNotContain("hidden after the end");
        assertThat(segmentMarkers(stored)).doesNotContain(0xE1, 0xED, 0xFE);
        BufferedImage decoded = decode(stored);
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(48);
        assertSamePixels(decoded, decode(TestFiles.jpeg(64, 48)));
    }

    @Test
    void jpegOrientationSurvivesAloneSoThePictureStaysTheRightWayUp() throws IOException {
        byte[] stored = screen(TestFiles.jpegWithLocation(64, 48, 6)).bytes();

        assertThat(text(stored)).doesNotContain(TestFiles.CAMERA, "GPSLatitude");
        byte[] exif = onlyExifBlock(stored);
        assertThat(exif).isEqualTo(java.util.Arrays.copyOfRange(JpegMetadata.orientationSegment(6), 10, 36));
        assertThat(JpegMetadata.Exif.orientation(exif, 0, exif.length)).isEqualTo(6);
        assertThat(decode(stored).getWidth()).isEqualTo(64);
    }

    @Test
    void aProgressiveJpegKeepsEveryScan() throws IOException {
        BufferedImage picture = TestFiles.picture(96, 64);
        javax.imageio.ImageWriter writer =
                ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] progressive = out.toByteArray();

        byte[] stored = screen(progressive).bytes();

        assertThat(count(stored, 0xDA)).as("scans").isGreaterThan(1).isEqualTo(count(progressive, 0xDA));
        assertSamePixels(decode(stored), decode(progressive));
    }

    @Test
    void pngTextExifXmpAndTimeChunksAreRemovedAndThePictureIsUnchanged() throws IOException {
        byte[] upload = TestFiles.pngWithMetadata(50, 40);
        assertThat(chunkTypes(upload)).contains("tEXt", "zTXt", "iTXt", "eXIf", "tIME", "prVt");

        byte[] stored = screen(upload).bytes();

        assertThat(chunkTypes(stored)).containsOnly("IHDR", "IDAT", "IEND");
        assertThat(text(stored)).doesNotContain(TestFiles.CAMERA, TestFiles.COMMENT, "GPS", "trailing");
        BufferedImage decoded = decode(stored);
        assertThat(decoded.getWidth()).isEqualTo(50);
        assertThat(decoded.getHeight()).isEqualTo(40);
        assertSamePixels(decoded, TestFiles.picture(50, 40));
    }

    @Test
    void aDamagedImageIsRefused() {
        byte[] jpeg = TestFiles.jpeg(40, 30);
        assertRefused(java.util.Arrays.copyOf(jpeg, jpeg.length / 2), "JPEG image but is damaged");
        byte[] png = TestFiles.png(40, 30);
        png[20] ^= 0x01; // inside IHDR: its CRC no longer matches
        assertRefused(png, "PNG image but is damaged");
    }

    @Test
    void aPdfWithJavaScriptInItsNameTreeIsRefusedThoughItIsInsideCompressedObjectStreams() throws IOException {
        byte[] pdf;
        try (PDDocument document = TestFiles.withPage(new PDDocument())) {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(java.util.Map.of("run", new PDActionJavaScript("app.alert('hello')")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
            pdf = TestFiles.save(document);
        }
        assertThat(text(pdf)).as("hidden from a plain byte search").doesNotContain("JavaScript", "/JS");

        assertRefused(pdf, "The PDF contains JavaScript");
    }

    @Test
    void aPdfWithAnOpenActionScriptIsRefused() {
        byte[] pdf = TestFiles.handWrittenPdf(
                "/OpenAction 4 0 R", "<< /Type /Action /S /JavaScript /JS (app.launchURL\\('http://x'\\)) >>");
        assertRefused(pdf, "The PDF contains JavaScript");
    }

    @Test
    void aPdfWithAnOpenActionScriptWrittenWithEscapedNamesIsRefused() {
        // #61 is 'a': readers decode it, so a plain byte search would miss it; the parser does not.
        byte[] pdf =
                TestFiles.handWrittenPdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>", new String[0]);
        assertRefused(pdf, "JavaScript");
    }

    @Test
    void aPdfWithALaunchActionIsRefused() throws IOException {
        byte[] pdf;
        try (PDDocument document = TestFiles.withPage(new PDDocument())) {
            PDAnnotationLink link = new PDAnnotationLink();
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            link.setAction(launch);
            document.getPage(0).getAnnotations().add(link);
            pdf = TestFiles.save(document);
        }
        assertRefused(pdf, "an action that starts a program (/Launch)");
    }

    @Test
    void aPdfWithAnEmbeddedFileIsRefused() throws IOException {
        byte[] pdf;
        try (PDDocument document = TestFiles.withPage(new PDDocument())) {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("invoice.exe");
            spec.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream(TestFiles.windowsProgram())));
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(java.util.Map.of("invoice.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
            pdf = TestFiles.save(document);
        }
        assertRefused(pdf, "embedded files");
    }

    @Test
    void aPdfWithAutomaticActionsOnAPageIsRefused() {
        byte[] pdf = TestFiles.handWrittenPdf("", "<< /O << /S /URI /URI (http://example.test) >> >>");
        byte[] withAa = TestFiles.bytes(text(pdf).replace("/MediaBox", "/AA 4 0 R /MediaBox"));
        assertRefused(withAa, "actions that run automatically (/AA)");
    }

    @Test
    void anEncryptedPdfIsRefused() throws IOException {
        assertRefused(encrypted("user-password"), "protected by a password");
        assertRefused(encrypted(""), "The PDF is encrypted");
    }

    @Test
    void anUnreadablePdfIsRefused() {
        assertRefused(TestFiles.bytes("%PDF-1.7\nthis is not a PDF at all\n"), "cannot be read as one");
    }

    @Test
    void aPlainHandWrittenPdfPasses() {
        assertThat(screen(TestFiles.handWrittenPdf("")).type()).isEqualTo(AttachmentType.PDF);
    }

    private static byte[] encrypted(String userPassword) throws IOException {
        try (PDDocument document = TestFiles.withPage(new PDDocument())) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-password", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return TestFiles.save(document);
        }
    }

    private static Screened screen(byte[] upload) {
        return AttachmentScreening.screen(upload, MAX);
    }

    private static void assertRefused(byte[] upload, String message) {
        assertThatThrownBy(() -> screen(upload))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("file");
                            assertThat(p.message()).contains(message);
                        }));
    }

    private static BufferedImage decode(byte[] image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        assertThat(decoded).as("decodes").isNotNull();
        return decoded;
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    /** How often a marker occurs (FF then the code): stuffed bytes in image data are FF 00, never a marker. */
    private static int count(byte[] jpeg, int marker) {
        int found = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                found++;
            }
        }
        return found;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The markers of a JPEG's segments before its image data. */
    private static List<Integer> segmentMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }

    /** The TIFF block of the one EXIF segment a JPEG holds. */
    private static byte[] onlyExifBlock(byte[] jpeg) {
        List<byte[]> blocks = new ArrayList<>();
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != 0xDA) {
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if ((jpeg[at + 1] & 0xFF) == 0xE1) {
                blocks.add(java.util.Arrays.copyOfRange(jpeg, at + 10, at + 2 + length));
            }
            at += 2 + length;
        }
        assertThat(blocks).hasSize(1);
        return blocks.getFirst();
    }

    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at + 8 <= png.length) {
            int length = java.nio.ByteBuffer.wrap(png, at, 4).getInt();
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(Character::isLetter)) {
                break;
            }
            types.add(type);
            at += 12 + length;
        }
        return types;
    }
}
