package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodesTests {

    /**
     * Many setup links, since each has a secret of its own. Read as a pure barcode (ZXing's mode for
     * an image that is nothing but the code, square to the pixels): without it the finder-pattern
     * search failed now and then on a perfectly drawn code (NotFound, once in a full build),
     * which a phone's camera, tolerant of far worse, would not.
     */
    @Test
    void theSvgDecodesBackToTheSetupLink() throws Exception {
        for (int i = 0; i < 200; i++) {
            String uri = Totp.provisioningUri("Cascade", "sam@example.test", Totp.newSecret());

            String svg = QrCodes.svg(uri);

            assertThat(svg).startsWith("<svg").doesNotContain("style");
            assertThat(new QRCodeReader()
                            .decode(
                                    new BinaryBitmap(new HybridBinarizer(render(svg))),
                                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                            .getText())
                    .isEqualTo(uri);
        }
    }

    /** Rasterises the SVG's unit squares, 4 pixels each, as a scanner would see them. */
    private static LuminanceSource render(String svg) {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1));
        int scale = 4;
        byte[] pixels = new byte[modules * scale * modules * scale];
        java.util.Arrays.fill(pixels, (byte) 255);
        Matcher square = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * modules * scale + x * scale + dx] = 0;
                }
            }
        }
        return new com.google.zxing.PlanarYUVLuminanceSource(
                pixels, modules * scale, modules * scale, 0, 0, modules * scale, modules * scale, false);
    }
}
