package io.reconcraft.toolrunner.execution.live.nmap;

import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Host;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Port;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Script;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Vulnerability;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads nmap's {@code -oX} output. Tool output is untrusted: the parser takes no DTD, resolves no
 * entity (internal or external), and turns anything that is not well-formed nmap XML into an
 * {@link NmapOutputException} with a reason, never into another exception.
 */
public final class NmapXmlParser {

    private static final int MAX_DETAIL_CHARS = 200;

    private NmapXmlParser() {
    }

    public static NmapScan parse(byte[] xml) {
        try {
            // nmap writes UTF-8; a stray byte from a service banner becomes U+FFFD instead of failing the scan.
            String text = new String(xml, StandardCharsets.UTF_8);
            XMLStreamReader reader = factory().createXMLStreamReader(new StringReader(text));
            try {
                return new Reading(reader).scan();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new NmapOutputException(shorten(e.getMessage()));
        } catch (NmapOutputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NmapOutputException(e.getClass().getSimpleName() + " " + shorten(e.getMessage()));
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // Problems become the exception's message, not lines on the service's stderr.
        factory.setXMLReporter((message, type, info, location) -> { });
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
        return factory;
    }

    private static String shorten(String message) {
        String text = message == null ? "no detail" : message.replaceAll("\\s+", " ").trim();
        return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS) + "…";
    }

    /** One pass over the document; the builders hold the host, port and script being read. */
    private static final class Reading {

        private final XMLStreamReader reader;
        private final List<Host> hosts = new ArrayList<>();
        private boolean rootSeen;
        private boolean rootClosed;
        private HostBuilder host;
        private PortBuilder port;
        private ScriptBuilder script;

        Reading(XMLStreamReader reader) {
            this.reader = reader;
        }

        NmapScan scan() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> rejectInternalSubset();
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new NmapOutputException("entity reference &" + reader.getLocalName() + "; is not allowed");
                    case XMLStreamConstants.START_ELEMENT -> start(reader.getLocalName());
                    case XMLStreamConstants.END_ELEMENT -> end(reader.getLocalName());
                    default -> {
                    }
                }
            }
            if (!rootSeen || !rootClosed) {
                throw new NmapOutputException(rootSeen ? "the document ends before </nmaprun>" : "no <nmaprun> element");
            }
            return new NmapScan(hosts);
        }

        private void rejectInternalSubset() {
            String doctype = reader.getText();
            if (doctype != null && doctype.contains("[")) {
                throw new NmapOutputException("a DOCTYPE with declarations is not allowed");
            }
        }

        private void start(String name) throws XMLStreamException {
            if (!rootSeen) {
                if (!name.equals("nmaprun")) {
                    throw new NmapOutputException("the root element is <" + shorten(name) + ">, not <nmaprun>");
                }
                rootSeen = true;
                return;
            }
            switch (name) {
                case "host" -> host = new HostBuilder();
                case "status" -> {
                    if (host != null) {
                        host.status = attribute("state");
                    }
                }
                case "address" -> {
                    if (host != null) {
                        host.address(attribute("addr"), attribute("addrtype"));
                    }
                }
                case "hostname" -> {
                    if (host != null && attribute("name") != null) {
                        host.hostnames.add(attribute("name"));
                    }
                }
                case "port" -> {
                    if (host != null) {
                        port = new PortBuilder(portNumber(attribute("portid")), attribute("protocol"));
                    }
                }
                case "state" -> {
                    if (port != null) {
                        port.state = attribute("state");
                    }
                }
                case "service" -> {
                    if (port != null) {
                        port.service(attribute("name"), attribute("tunnel"), attribute("product"), attribute("version"),
                                attribute("extrainfo"));
                    }
                }
                case "cpe" -> {
                    if (port != null && script == null) {
                        String cpe = reader.getElementText().trim();
                        if (!cpe.isEmpty()) {
                            port.cpes.add(cpe);
                        }
                    }
                }
                case "script" -> {
                    if (port != null) {
                        script = new ScriptBuilder(attribute("id"), attribute("output"));
                    }
                }
                case "table" -> {
                    if (script != null) {
                        script.openTable();
                    }
                }
                case "elem" -> {
                    if (script != null) {
                        String key = attribute("key");
                        script.element(key, reader.getElementText());
                    }
                }
                default -> {
                }
            }
        }

        private void end(String name) {
            switch (name) {
                case "nmaprun" -> rootClosed = true;
                case "host" -> {
                    if (host != null) {
                        hosts.add(host.build());
                        host = null;
                    }
                }
                case "port" -> {
                    if (port != null && host != null) {
                        host.ports.add(port.build());
                        port = null;
                    }
                }
                case "script" -> {
                    if (script != null && port != null) {
                        port.scripts.add(script.build());
                        script = null;
                    }
                }
                case "table" -> {
                    if (script != null) {
                        script.closeTable();
                    }
                }
                default -> {
                }
            }
        }

        private String attribute(String name) {
            String value = reader.getAttributeValue(null, name);
            return value == null || value.isBlank() ? null : value.trim();
        }

        private static int portNumber(String text) {
            try {
                int number = Integer.parseInt(text);
                if (number >= 0 && number <= 65535) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new NmapOutputException("port id '" + shorten(String.valueOf(text)) + "' is not a port number");
        }
    }

    private static final class HostBuilder {

        private String address;
        private boolean addressIsIp;
        private String status;
        private final List<String> hostnames = new ArrayList<>();
        private final List<Port> ports = new ArrayList<>();

        /** An IP address wins over a MAC address, which nmap also lists for local hosts. */
        void address(String value, String type) {
            boolean ip = type == null || type.startsWith("ipv");
            if (value != null && (address == null || (ip && !addressIsIp))) {
                address = value;
                addressIsIp = ip;
            }
        }

        Host build() {
            if (address == null) {
                throw new NmapOutputException("a <host> without an address");
            }
            return new Host(address, status == null ? "unknown" : status, hostnames, ports);
        }
    }

    private static final class PortBuilder {

        private final int number;
        private final String protocol;
        private String state;
        private String service;
        private String product;
        private String version;
        private String extraInfo;
        private final List<String> cpes = new ArrayList<>();
        private final List<Script> scripts = new ArrayList<>();

        PortBuilder(int number, String protocol) {
            this.number = number;
            this.protocol = protocol == null ? "tcp" : protocol;
        }

        void service(String name, String tunnel, String product, String version, String extraInfo) {
            this.service = name == null ? null : (tunnel == null ? name : tunnel + "/" + name);
            this.product = product;
            this.version = version;
            this.extraInfo = extraInfo;
        }

        Port build() {
            return new Port(number, protocol, state == null ? "unknown" : state, service, product, version, extraInfo,
                    cpes, scripts);
        }
    }

    /** Collects the {id, cvss, type} entries of a script's innermost tables, which is how vulners reports each CVE. */
    private static final class ScriptBuilder {

        private final String id;
        private final String output;
        private final List<Vulnerability> vulnerabilities = new ArrayList<>();
        private String entryId;
        private String entryCvss;
        private boolean entryExploit;
        private String entryType;

        ScriptBuilder(String id, String output) {
            this.id = id == null ? "unknown" : id;
            this.output = output == null ? "" : output;
        }

        void openTable() {
            entryId = null;
            entryCvss = null;
            entryExploit = false;
            entryType = null;
        }

        void element(String key, String text) {
            if (key == null || text == null) {
                return;
            }
            switch (key) {
                case "id" -> entryId = text.trim();
                case "cvss" -> entryCvss = text.trim();
                case "is_exploit" -> entryExploit = Boolean.parseBoolean(text.trim());
                case "type" -> entryType = text.trim().isEmpty() ? null : text.trim();
                default -> {
                }
            }
        }

        void closeTable() {
            if (entryId != null && entryCvss != null) {
                try {
                    double cvss = Double.parseDouble(entryCvss);
                    if (cvss >= 0 && cvss <= 10) {
                        vulnerabilities.add(new Vulnerability(entryId, cvss, entryExploit, entryType));
                    }
                } catch (NumberFormatException e) {
                    // a score that is not a number is no score: the entry stays in the script output only
                }
            }
            openTable();
        }

        Script build() {
            return new Script(id, output, vulnerabilities);
        }
    }
}
