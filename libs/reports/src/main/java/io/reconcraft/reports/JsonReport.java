package io.reconcraft.reports;

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
        return MAPPER.writeValueAsBytes(model);
    }

    static JsonMapper mapper() {
        return MAPPER;
    }
}
