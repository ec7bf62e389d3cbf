package io.reconcraft.gateway.error;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/** Every error leaves as RFC 9457 problem+json; bad input is a 400 naming the field, never a 500 or a stack trace. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
            return super.handleServerWebInputException(ex, headers, status, exchange);
        }
        String parameter = ex.getMethodParameter() == null ? null : ex.getMethodParameter().getParameterName();
        FieldProblem problem = JsonInputProblems.describe(ex, parameter);
        ProblemDetail body = badRequest(problem.message(), List.of(problem));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> problems = ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(ex, badRequest("the request has invalid values", problems), headers,
                HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            Problems.complete(problem, status);
        } else if (body == null && ex instanceof ErrorResponse framework) {
            // The base class renders this very object when no body is given.
            Problems.complete(framework.getBody(), status);
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception ex) {
        if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            // The client left before its answer was written: nobody to answer, nothing failed here.
            log.debug("client went away before the answer was sent: {}", ex.toString());
            return Mono.empty();
        }
        log.error("unexpected failure while handling a request", ex);
        ProblemDetail body = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request could not be completed; the failure was logged");
        return Mono.just(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body));
    }

    private static ProblemDetail badRequest(String detail, List<FieldProblem> problems) {
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, detail);
        body.setProperty("errors", problems);
        return body;
    }
}
