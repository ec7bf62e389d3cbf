package io.reconcraft.reports;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model as JSON: the field names are the record components of {@link ReportModel} and its parts, times are
 * ISO-8601 strings, and absent values are {@code null} so every report has the same shape.
 */
final class JsonReport {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReport() {
    }

    static byte[] render(ReportModel model) {
        return MAPPER.writeValueAsBytes(stable(model));
    }

    /** Sets and maps in a fixed order, so the same model always gives the same bytes. */
    private static ReportModel stable(ReportModel model) {
        Set<String> sections = null;
        if (model.sections() != null) {
            sections = new LinkedHashSet<>();
            for (String known : List.of("summary", "findings", "recommendations")) {
                if (model.sections().contains(known)) {
                    sections.add(known);
                }
            }
            model.sections().stream().filter(s -> s != null).sorted().forEach(sections::add);
        }
        Map<String, Integer> counts = null;
        if (model.severityCounts() != null) {
            counts = new LinkedHashMap<>();
            for (String severity : Severities.ORDER) {
                if (model.severityCounts().containsKey(severity)) {
                    counts.put(severity, model.severityCounts().get(severity));
                }
            }
            counts.putAll(new TreeMap<>(model.severityCounts()));
        }
        return new ReportModel(model.title(), model.runId(), model.workflowId(), model.workflowName(),
                model.generatedAt(), sections, counts, model.changes(), model.findings(), model.triagedAway(),
                model.timeline());
    }

    static JsonMapper mapper() {
        return MAPPER;
    }
}
