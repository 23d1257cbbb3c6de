package org.cascadehub.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.cascadehub.platform.InvalidInput;

/**
 * Refuses a PDF that could do something when opened: JavaScript, launch actions, automatic
 * actions, embedded files. Every object the parser finds is inspected (including those in object
 * streams and objects nothing refers to), not just the paths a reader would follow; the raw bytes
 * are also searched for the same names, in case a lenient parser skipped a damaged object that
 * another reader would read. Encrypted and unreadable PDFs are refused too: they cannot be checked.
 */
final class PdfCheck {

    private static final String ACCEPTED = " Print it to a new PDF without these, or attach pictures instead.";
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final Map<COSName, String> ACTIONS = Map.of(
            COSName.JAVA_SCRIPT,
            "JavaScript",
            LAUNCH,
            "an action that starts a program (/Launch)",
            COSName.getPDFName("ImportData"),
            "an action that imports data (/ImportData)",
            COSName.getPDFName("GoToE"),
            "a link into an embedded file (/GoToE)",
            COSName.getPDFName("RichMediaExecute"),
            "an action that runs embedded media (/RichMediaExecute)");
    private static final Pattern RAW_NAMES =
            Pattern.compile("/(JavaScript|JS|Launch|EmbeddedFiles?|AA|RichMedia\\w*)(?![A-Za-z0-9#_.-])");

    private PdfCheck() {}

    static void check(byte[] pdf) {
        Set<String> found = new LinkedHashSet<>();
        boolean encrypted;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            encrypted = document.isEncrypted();
            if (!encrypted) {
                inspectAll(document.getDocument(), found);
            }
        } catch (InvalidPasswordException locked) {
            throw refuse("The PDF is protected by a password, so it cannot be checked. Attach a copy without one.");
        } catch (IOException | RuntimeException unreadable) {
            throw refuse("The file starts like a PDF but cannot be read as one (it may be damaged).");
        }
        if (encrypted) {
            throw refuse("The PDF is encrypted, so it cannot be checked. Attach a copy without encryption.");
        }
        rawNames(pdf, found);
        if (!found.isEmpty()) {
            throw refuse(
                    "The PDF contains " + String.join(", ", found) + ", which could run when it is opened." + ACCEPTED);
        }
    }

    private static void inspectAll(COSDocument document, Set<String> found) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        inspect(document.getTrailer(), found, seen);
        for (COSObjectKey key : document.getXrefTable().keySet()) {
            COSObject object = document.getObjectFromPool(key);
            inspect(object.getObject(), found, seen);
        }
    }

    /** Walks one object and what it holds directly; indirect objects are visited from the xref table. */
    private static void inspect(COSBase base, Set<String> found, Set<COSBase> seen) {
        if (base == null || !seen.add(base)) {
            return;
        }
        if (base instanceof COSDictionary dictionary) {
            inspectDictionary(dictionary, found);
            for (COSBase value : dictionary.getValues()) {
                if (!(value instanceof COSObject)) {
                    inspect(value, found, seen);
                }
            }
        } else if (base instanceof COSArray array) {
            for (COSBase value : array) {
                if (!(value instanceof COSObject)) {
                    inspect(value, found, seen);
                }
            }
        }
    }

    private static void inspectDictionary(COSDictionary dictionary, Set<String> found) {
        if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
            found.add("JavaScript");
        }
        if (dictionary.getCOSName(COSName.S) instanceof COSName action && ACTIONS.containsKey(action)) {
            found.add(ACTIONS.get(action));
        }
        if (dictionary.containsKey(COSName.AA)) {
            found.add("actions that run automatically (/AA)");
        }
        if (dictionary.containsKey(COSName.EMBEDDED_FILES)
                || dictionary.containsKey(COSName.EF)
                || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))
                || COSName.getPDFName("FileAttachment").equals(dictionary.getCOSName(COSName.SUBTYPE))) {
            found.add("embedded files");
        }
        if (COSName.getPDFName("RichMedia").equals(dictionary.getCOSName(COSName.SUBTYPE))) {
            found.add("embedded media (/RichMedia)");
        }
    }

    /** Names in the bytes as written (outside compressed streams), for objects the parser did not reach. */
    private static void rawNames(byte[] pdf, Set<String> found) {
        Matcher names = RAW_NAMES.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        while (names.find()) {
            String name = names.group(1);
            found.add(
                    switch (name) {
                        case "JavaScript", "JS" -> "JavaScript";
                        case "Launch" -> ACTIONS.get(LAUNCH);
                        case "AA" -> "actions that run automatically (/AA)";
                        case "EmbeddedFile", "EmbeddedFiles" -> "embedded files";
                        default -> "embedded media (/RichMedia)";
                    });
        }
    }

    private static InvalidInput refuse(String message) {
        return InvalidInput.of(ContentSniffer.FIELD, message);
    }
}
