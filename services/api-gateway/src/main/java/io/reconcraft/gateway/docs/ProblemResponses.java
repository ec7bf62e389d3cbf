package io.reconcraft.gateway.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the errors every operation can answer, as the gateway really sends them: RFC 9457
 * {@code application/problem+json} with the contract's members. Which statuses apply follows from the
 * operation: a body can be invalid or too large, a path id unknown, a protected call unauthenticated.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Calls that need no credentials (SecurityConfiguration permits them). */
    private static final Set<String> PUBLIC = Set.of("GET /api/health", "POST /api/auth/token");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean isPublic = PUBLIC.contains(method + " " + path);
        if (isPublic) {
            operation.setSecurity(List.of());
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasInput = hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            add(responses, "400", "Invalid input: malformed JSON, wrong types or invalid values; "
                    + "`errors` names each bad field", example(400, "Bad Request", "Invalid request content.",
                    List.of(Map.of("field", "nodes[2].config.flags", "message", "flag -oN is not allowed"))));
        }
        if (!isPublic) {
            add(responses, "401", "No, unknown, expired or revoked credentials",
                    example(401, "Unauthorized", "Authentication required.", null));
            add(responses, "403", "Authenticated but not allowed: the role, or a target outside the authorized scope",
                    example(403, "Forbidden", "Target 10.0.0.9 is not in the authorized scope.", null));
        }
        if (path.contains("{")) {
            add(responses, "404", "No such resource",
                    example(404, "Not Found", "No run with id r-42.", null));
        }
        if (hasBody) {
            add(responses, "413", "The body is larger than the configured limit (1MB by default)",
                    example(413, "Content Too Large", "Request body exceeds 1048576 bytes.", null));
        }
        ApiResponse tooMany = problem("Rate-limited: too many requests for this key; retry after `Retry-After` seconds",
                example(429, "Too Many Requests", "Rate limit exceeded.", null));
        tooMany.addHeaderObject("Retry-After", new Header().description("seconds to wait").schema(new IntegerSchema()));
        responses.putIfAbsent("429", tooMany);
        add(responses, "503", "A dependency (Kafka, the database, the audit service) is unavailable",
                example(503, "Service Unavailable", "Kafka is unavailable.", null));
    }

    private static void add(ApiResponses responses, String status, String description, Map<String, Object> example) {
        responses.putIfAbsent(status, problem(description, example));
    }

    private static ApiResponse problem(String description, Map<String, Object> example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
    }

    private static Map<String, Object> example(int status, String title, String detail, List<Map<String, String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null) {
            body.put("errors", errors);
        }
        return body;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON-path-like name, e.g. nodes[2].config.flags"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldProblem)
                        .description("present for invalid input: one entry per bad field"))
                .required(List.of("type", "title", "status"));
    }
}
