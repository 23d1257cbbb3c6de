package org.cascadehub.directory;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an uploaded file into text, refusing anything that is not UTF-8 rather than guessing: a
 * guess would put garbled names into the directory. A UTF-8 byte order mark (as Excel's "CSV
 * UTF-8" writes) is dropped.
 */
final class ImportText {

    static final String SAVE_AS_UTF8 = "In Excel, choose File > Save As and the type \"CSV UTF-8 (Comma delimited)\"; "
            + "in other programs, choose the UTF-8 encoding when saving as CSV.";

    private ImportText() {}

    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            throw reject(1, "The file is saved as UTF-16 (\"Unicode text\"), not UTF-8. " + SAVE_AS_UTF8);
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            throw reject(
                    lineOf(bytes, bad),
                    "The file is not UTF-8: the byte " + String.format("0x%02X", bytes[bad] & 0xFF)
                            + " on this line is "
                            + "not valid UTF-8, so names with accents or symbols would be garbled. " + SAVE_AS_UTF8);
        }
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw reject(
                    lineOf(bytes, start + text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length),
                    "The file contains NUL characters, so it is probably saved as UTF-16 (\"Unicode text\"), "
                            + "not UTF-8. " + SAVE_AS_UTF8);
        }
        return text;
    }

    /** The line a byte is on, counting CR LF, CR or LF as one line break, as editors do. */
    static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** How many line breaks a value spans, counted as {@link #lineOf} does. */
    static int lineBreaks(String text) {
        int breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
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

    private static ImportRejected reject(int line, String message) {
        return ImportRejected.of(new ImportProblem(line, "file", message));
    }
}
