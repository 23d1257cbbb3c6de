package org.cascadehub.alerts.cap;

import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The JDK's own XML parsers, locked down for documents from outside: no DOCTYPE at all (so no
 * entities, no billion laughs, no external DTD), no external entities, no access to external DTDs
 * or schemas, no XInclude, secure processing on. Each call makes a fresh parser, so callers on
 * different threads share nothing. Messages come in English whatever the server's locale.
 */
final class SecureXml {

    static final String XINCLUDE_NAMESPACE = "http://www.w3.org/2001/XInclude";

    private static final String LOCALE = "http://apache.org/xml/properties/locale";
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    private static final String MAX_DEPTH = "jdk.xml.maxElementDepth";
    /** CAP nests five deep (alert, info, area, geocode, value); a signature a little more. */
    static final int DEPTH_LIMIT = 64;

    private SecureXml() {}

    static DocumentBuilder documentBuilder() {
        try {
            // The JDK's built-in parser, not whichever one the classpath offers: these features are known to work.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(LOCALE, Locale.ENGLISH);
            factory.setAttribute(MAX_DEPTH, String.valueOf(DEPTH_LIMIT));
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setValidating(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(STRICT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be locked down", e);
        }
    }

    static XMLReader saxReader() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultNSInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setXIncludeAware(false);
            factory.setValidating(false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            reader.setProperty(LOCALE, Locale.ENGLISH);
            reader.setProperty(MAX_DEPTH, String.valueOf(DEPTH_LIMIT));
            reader.setErrorHandler(STRICT);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be locked down", e);
        }
    }

    /** Schema validation must not fetch anything either (say, a schemaLocation hint in the document). */
    static void lockDown(ValidatorHandler validator) {
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(LOCALE, Locale.ENGLISH);
        } catch (SAXException e) {
            throw new IllegalStateException("The JDK's schema validator cannot be locked down", e);
        }
    }

    /** What stopped a parse, in plain words, without echoing the parser's internals. */
    static String describe(SAXException failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (message.contains(DISALLOW_DOCTYPE) || message.contains("DOCTYPE")) {
            return "The document declares a DTD (<!DOCTYPE ...>). CAP alerts may not: a DTD can define"
                    + " entities that read files or expand without limit, so it was not read.";
        }
        if (message.contains(MAX_DEPTH)) {
            return "The document nests elements more than " + DEPTH_LIMIT + " deep; a CAP alert needs far fewer.";
        }
        if (message.contains("Premature end of file")) {
            return "The document is empty or ends too soon: it is not a complete XML document.";
        }
        String where = failure instanceof SAXParseException at && at.getLineNumber() > 0
                ? " at line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                : "";
        return "The document is not well-formed XML" + where + ": " + message;
    }

    /** Every parse problem stops the parse; nothing is printed to the console. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
