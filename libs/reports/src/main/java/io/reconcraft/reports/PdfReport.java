package io.reconcraft.reports;

import com.lowagie.text.DocumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Lays the report's XHTML page out on A4 pages with Flying Saucer on OpenPDF. Chosen because it renders
 * XHTML + CSS 2.1 with paged media (page counters, repeated table headers, rows kept whole), so the PDF comes
 * from the very template of the HTML file; its 9.13 line is maintained and built for Java 17 (10.x and
 * OpenPDF 3.x with its HTML module need Java 21).
 */
final class PdfReport {

    private PdfReport() {
    }

    static byte[] render(String xhtml) {
        try {
            ITextRenderer renderer = new ITextRenderer();
            renderer.setDocument(parse(xhtml), null);
            renderer.layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            renderer.createPDF(out);
            return out.toByteArray();
        } catch (DocumentException e) {
            throw new IllegalStateException("the report could not be laid out as PDF", e);
        }
    }

    /** The page is ours and well-formed; the parser still refuses external entities and DTDs on principle. */
    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("the report page is not well-formed XHTML", e);
        }
    }
}
