package dev.newswatch.ingester.discovery;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLFilter;
import org.xml.sax.helpers.XMLFilterImpl;

import dev.newswatch.ingester.failure.ErrorKind;
import dev.newswatch.ingester.failure.IngestException;

/**
 * How deeply a feed or sitemap may nest its elements and how many it may have, enforced while it is parsed.
 * ROME builds a JDOM tree, and JDOM checks each new element against all its ancestors, so a feed costs depth times
 * elements: 700 KB of 100,000 nested elements took minutes of CPU. A SAX filter counting levels and elements stops
 * such a document at the first element past a limit, before anything is built from it, so parsing stays linear in
 * the body (itself bounded by the body size limit) and the tree small.
 *
 * @param document    what is parsed, for messages: "feed" or "sitemap"
 * @param maxDepth    deepest element allowed, the root being level 1
 * @param maxElements most elements allowed in the document
 */
record XmlLimits(String document, int maxDepth, int maxElements) {

    /**
     * Real feeds nest a few levels (Atom XHTML content a few dozen at most) and list hundreds of items of a dozen
     * elements each; a parsed feed is held as a tree, so its size is bounded too.
     */
    static final XmlLimits FEED = new XmlLimits("feed", 100, 200_000);
    /** A sitemap lists at most 50,000 URLs of a dozen or so elements each (more with extensions); it is streamed. */
    static final XmlLimits SITEMAP = new XmlLimits("sitemap", 100, 2_000_000);

    /** Thrown by the filter at the first element past a limit; a parse error, so parsers stop and pass it on. */
    static final class Exceeded extends SAXParseException {

        Exceeded(String message, Locator locator) {
            super(message, locator);
        }
    }

    /** A SAX filter that hands every event on unchanged and throws {@link Exceeded} at the first element past a limit. */
    XMLFilter filter() {
        return new CountingFilter();
    }

    /**
     * Reads {@code xml} through {@link #filter} with the JDK's SAX parser, namespace-aware, refusing DTDs and
     * external entities, building nothing. A document that is not well-formed passes: the parser that reads it
     * next stops at the same error and reports it in its own words.
     *
     * @throws Exceeded when the document breaks a limit
     */
    void check(InputSource xml) throws Exceeded, IOException {
        XMLFilter filter = filter();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            filter.setParent(factory.newSAXParser().getXMLReader());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be configured securely", e);
        }
        try {
            filter.parse(xml);
        } catch (Exceeded e) {
            throw e;
        } catch (SAXException notWellFormed) {
            // Left to the parser that follows.
        }
    }

    /** The refusal, as a {@code kind} error, of a document whose {@code failure} is or was caused by a limit broken. */
    static Optional<IngestException> refusal(Throwable failure, ErrorKind kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Exceeded exceeded) {
                return Optional.of(new IngestException(kind, exceeded.getMessage(), exceeded));
            }
        }
        return Optional.empty();
    }

    private final class CountingFilter extends XMLFilterImpl {

        private Locator locator;
        private int depth;
        private int elements;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
            super.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            depth = 0;
            elements = 0;
            super.startDocument();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (++depth > maxDepth) {
                throw refused("nests elements more than " + maxDepth + " levels deep");
            }
            if (++elements > maxElements) {
                throw refused("has more than " + String.format(Locale.ROOT, "%,d", maxElements) + " elements");
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            super.endElement(uri, localName, qName);
        }

        private Exceeded refused(String what) {
            String where = locator == null ? ""
                    : " (line " + locator.getLineNumber() + ", column " + locator.getColumnNumber() + ")";
            return new Exceeded(document + " refused: it " + what + where, locator);
        }
    }
}
