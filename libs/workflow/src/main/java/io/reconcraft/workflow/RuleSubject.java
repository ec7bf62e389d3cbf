package io.reconcraft.workflow;

import io.reconcraft.events.model.NmapOutput;
import io.reconcraft.events.model.Finding;
import java.util.Map;

/**
 * What one parser rule looks at: one upstream finding, one scanned port or one HTTP response. Values
 * come from tool output (untrusted): anything that is not of the expected type is left empty (null),
 * and a comparison with an empty value is simply false. Bean getters only, because rules are evaluated
 * with a read-only SpEL context that offers nothing else.
 */
public final class RuleSubject {

    private Integer port;
    private String protocol;
    private String state;
    private String service;
    private String product;
    private String version;
    private String target;
    private String severity;
    private String title;
    private String tool;
    private String url;
    private Integer status;
    private String server;

    private RuleSubject() {
    }

    public static RuleSubject ofFinding(Finding finding) {
        RuleSubject subject = new RuleSubject();
        subject.port = finding.port();
        subject.service = finding.service();
        subject.severity = finding.severity() == null ? null : finding.severity().wireName();
        subject.title = finding.title();
        subject.target = finding.target();
        subject.tool = finding.tool();
        return subject;
    }

    /** One entry of {@code hosts[].ports[]} of a scan, on the host at {@code address}. */
    public static RuleSubject ofPort(String address, NmapOutput.Port port) {
        RuleSubject subject = new RuleSubject();
        subject.target = address;
        subject.port = port.port();
        subject.protocol = port.protocol();
        subject.state = port.state();
        subject.service = port.service();
        subject.product = port.product();
        subject.version = port.version();
        return subject;
    }

    /** The same, from an untrusted entry read leniently. */
    public static RuleSubject ofPort(String address, Map<?, ?> port) {
        return ofPort(address, NmapOutput.readPort(port));
    }

    /** One entry of {@code responses[]} of an HTTP probe. */
    public static RuleSubject ofResponse(Map<?, ?> response) {
        RuleSubject subject = new RuleSubject();
        subject.url = text(response.get("url"));
        subject.status = integer(response.get("status"));
        subject.title = text(response.get("title"));
        subject.server = text(response.get("server"));
        return subject;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static Integer integer(Object value) {
        return value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                ? number.intValue() : null;
    }

    public Integer getPort() {
        return port;
    }

    public String getProtocol() {
        return protocol;
    }

    public String getState() {
        return state;
    }

    public String getService() {
        return service;
    }

    public String getProduct() {
        return product;
    }

    public String getVersion() {
        return version;
    }

    public String getTarget() {
        return target;
    }

    public String getSeverity() {
        return severity;
    }

    public String getTitle() {
        return title;
    }

    public String getTool() {
        return tool;
    }

    public String getUrl() {
        return url;
    }

    public Integer getStatus() {
        return status;
    }

    public String getServer() {
        return server;
    }
}
