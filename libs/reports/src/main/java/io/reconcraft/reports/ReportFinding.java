package io.reconcraft.reports;

public record ReportFinding(String findingId, String fingerprint, String tool, String severity, String title, String description,
    String target, String host, Integer port, String protocol, String service, String url, String repository, String file,
    Integer line, String rule, java.util.List<String> cves, java.util.Map<String,Object> evidence, String remediation,
    String change /* new|reopened|unchanged|resolved */, String triage, String triageNote) {}
