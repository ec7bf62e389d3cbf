package io.reconcraft.gateway.error;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request the API refuses on purpose; rendered as application/problem+json by {@link ProblemHandler}. */
public class ApiException extends ErrorResponseException {

    private ApiException(HttpStatus status, String detail, List<FieldProblem> errors) {
        super(status, problem(status, detail, errors), null);
    }

    public static ApiException invalid(String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail, errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(message, List.of(new FieldProblem(field, message)));
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " '" + id + "' does not exist", List.of());
    }

    public static ApiException forbidden(String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.FORBIDDEN, detail, errors);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail, List.of());
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail, List.of());
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, detail, List.of());
    }

    /** Something the request needs (the broker, another service) is not answering: the client may try again. */
    public static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, detail, List.of());
    }

    /** Whether trying the same request again later may succeed (something it needs was not answering). */
    public boolean mayPass() {
        return getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value();
    }

    private static ProblemDetail problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = Problems.of(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", List.copyOf(errors));
        }
        return problem;
    }
}
