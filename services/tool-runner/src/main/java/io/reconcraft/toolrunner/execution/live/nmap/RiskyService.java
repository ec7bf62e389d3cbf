package io.reconcraft.toolrunner.execution.live.nmap;

import io.reconcraft.events.model.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Services that should rarely be reachable from a scanner, with the severity of finding one open.
 * Matched on nmap's service name (without an {@code ssl/} tunnel prefix) or, where nmap's port
 * table names the port differently, on the product that version detection found.
 *
 * <table>
 * <caption>Risky services</caption>
 * <tr><th>service</th><th>severity</th><th>why</th></tr>
 * <tr><td>telnet, rlogin, rsh, rexec</td><td>high</td><td>clear-text remote login</td></tr>
 * <tr><td>RDP (ms-wbt-server), VNC, X11</td><td>high</td><td>remote desktop exposed to brute force and exploits</td></tr>
 * <tr><td>Redis, memcached, MongoDB, Elasticsearch, Docker API</td><td>high</td><td>often run without authentication</td></tr>
 * <tr><td>SMB (microsoft-ds, netbios-ssn)</td><td>high</td><td>file sharing, a frequent worm and ransomware entry</td></tr>
 * <tr><td>FTP, TFTP</td><td>medium</td><td>clear-text or unauthenticated file transfer</td></tr>
 * <tr><td>MySQL, PostgreSQL, MS SQL, Oracle</td><td>medium</td><td>database reachable from the network</td></tr>
 * <tr><td>SNMP, LDAP, rpcbind, NFS</td><td>medium</td><td>infrastructure service that leaks information</td></tr>
 * </table>
 */
enum RiskyService {

    TELNET(Severity.HIGH, "Telnet", "sends logins in clear text", List.of("telnet"), List.of()),
    R_SERVICES(Severity.HIGH, "BSD r-service", "allows clear-text, host-trusting remote login",
            List.of("login", "shell", "exec", "rlogin", "rsh", "rexec"), List.of()),
    RDP(Severity.HIGH, "RDP", "exposes a remote desktop to brute force and pre-auth exploits",
            List.of("ms-wbt-server", "rdp"), List.of("terminal services", "remote desktop")),
    VNC(Severity.HIGH, "VNC", "exposes a remote desktop, often with weak or no authentication",
            List.of("vnc", "vnc-http"), List.of("vnc")),
    X11(Severity.HIGH, "X11", "may let anyone read the screen and keystrokes", List.of("x11"), List.of()),
    SMB(Severity.HIGH, "SMB", "file sharing is a frequent worm and ransomware entry point",
            List.of("microsoft-ds", "netbios-ssn", "smb"), List.of("samba")),
    REDIS(Severity.HIGH, "Redis", "often runs without authentication", List.of("redis"), List.of("redis")),
    MEMCACHED(Severity.HIGH, "memcached", "has no authentication and amplifies DDoS",
            List.of("memcache", "memcached"), List.of("memcached")),
    MONGODB(Severity.HIGH, "MongoDB", "is a database often left without authentication",
            List.of("mongod", "mongodb"), List.of("mongodb")),
    ELASTICSEARCH(Severity.HIGH, "Elasticsearch", "is a data store often left without authentication",
            List.of("elasticsearch"), List.of("elasticsearch")),
    DOCKER(Severity.HIGH, "Docker API", "gives root on the host when reachable without TLS", List.of("docker"),
            List.of("docker")),
    FTP(Severity.MEDIUM, "FTP", "transfers logins and files in clear text", List.of("ftp"), List.of()),
    TFTP(Severity.MEDIUM, "TFTP", "transfers files without authentication", List.of("tftp"), List.of()),
    MYSQL(Severity.MEDIUM, "MySQL", "is a database reachable from the network", List.of("mysql"),
            List.of("mysql", "mariadb")),
    POSTGRESQL(Severity.MEDIUM, "PostgreSQL", "is a database reachable from the network", List.of("postgresql"),
            List.of("postgresql")),
    MSSQL(Severity.MEDIUM, "Microsoft SQL Server", "is a database reachable from the network", List.of("ms-sql-s"),
            List.of("microsoft sql server")),
    ORACLE(Severity.MEDIUM, "Oracle database", "is a database reachable from the network",
            List.of("oracle", "oracle-tns"), List.of("oracle tns")),
    SNMP(Severity.MEDIUM, "SNMP", "leaks device configuration, often with default communities", List.of("snmp"),
            List.of()),
    LDAP(Severity.MEDIUM, "LDAP", "may allow anonymous directory reads", List.of("ldap"), List.of()),
    RPC(Severity.MEDIUM, "RPC/NFS", "exposes file shares and service maps", List.of("rpcbind", "nfs"), List.of());

    private final Severity severity;
    private final String label;
    private final String reason;
    private final List<String> serviceNames;
    private final List<String> productKeywords;

    RiskyService(Severity severity, String label, String reason, List<String> serviceNames,
                 List<String> productKeywords) {
        this.severity = severity;
        this.label = label;
        this.reason = reason;
        this.serviceNames = serviceNames;
        this.productKeywords = productKeywords;
    }

    static Optional<RiskyService> of(String service, String product) {
        String name = service == null ? "" : service.toLowerCase(Locale.ROOT).replaceFirst("^ssl/", "");
        String productText = product == null ? "" : product.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(risky -> risky.serviceNames.contains(name)
                        || risky.productKeywords.stream().anyMatch(productText::contains))
                .findFirst();
    }

    Severity severity() {
        return severity;
    }

    String label() {
        return label;
    }

    String reason() {
        return reason;
    }
}
