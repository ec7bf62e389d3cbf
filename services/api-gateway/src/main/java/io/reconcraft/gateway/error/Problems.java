package io.reconcraft.gateway.error;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem bodies with every member the contract names: type, title, status, detail. */
public final class Problems {

    /** RFC 9457: the problem has no more semantics than its HTTP status. */
    public static final URI GENERIC_TYPE = URI.create("about:blank");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setType(GENERIC_TYPE);
        return problem;
    }

    /** Fills in what a problem made by the framework may lack. */
    static ProblemDetail complete(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getType() == null) {
            problem.setType(GENERIC_TYPE);
        }
        if (problem.getTitle() == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        }
        return problem;
    }
}
