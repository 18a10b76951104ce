package io.streamplane.api.web;

import java.util.List;
import java.util.stream.Collectors;

import io.streamplane.api.deadletters.DeadLetterReadException;
import io.streamplane.api.registry.PipelineConflictException;
import io.streamplane.api.registry.PipelineNotFoundException;
import io.streamplane.engine.preview.PreviewBudgetException;
import io.streamplane.engine.preview.PreviewCancelledException;
import io.streamplane.engine.preview.PreviewException;
import io.streamplane.spec.SpecValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of the REST API into an RFC 9457 {@code application/problem+json} response
 * of one of the {@link ProblemType}s. Bad input is always a 4xx naming what is wrong; a 5xx means
 * a bug or an outage and carries no internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail invalidSpec(SpecValidationException ex) {
		return invalidSpec(ex.problems().stream().map(problem -> new FieldError(problem.path(), problem.message())).toList());
	}

	@ExceptionHandler
	ProblemDetail invalidSpecText(InvalidSpecException ex) {
		return invalidSpec(ex.errors());
	}

	private static ProblemDetail invalidSpec(List<FieldError> errors) {
		ProblemDetail problem = ProblemType.INVALID_SPEC.problem(errors.size() == 1
				? describe(errors.getFirst()) : "the pipeline spec has " + errors.size() + " problems; see errors");
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		ProblemDetail problem = ProblemType.INVALID_REQUEST.problem(ex.getMessage());
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidPreview(PreviewException ex) {
		return ProblemType.INVALID_REQUEST.problem(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail previewBudget(PreviewBudgetException ex) {
		String property = "streamplane.control-plane.preview." + switch (ex.part()) {
			case TIME -> "timeout";
			case STEPS -> "max-steps";
			case OUTPUT_RECORDS -> "max-output-records";
			case OUTPUT_BYTES -> "max-output-size";
		};
		ProblemDetail problem = ProblemType.PREVIEW_BUDGET_EXCEEDED.problem(ex.getMessage() + " and was stopped; "
				+ "preview fewer or smaller records, or raise " + property + " (now " + ex.limit() + ")");
		problem.setProperty("budget", property);
		problem.setProperty("limit", ex.limit());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> previewUnavailable(PreviewRunner.PreviewUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
			.body(ProblemType.UNAVAILABLE.problem(ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail previewCancelled(PreviewCancelledException ex) {
		return ProblemType.UNAVAILABLE.problem(ex.getMessage() + "; the server is stopping, try again");
	}

	@ExceptionHandler
	ProblemDetail notFound(PipelineNotFoundException ex) {
		return ProblemType.NOT_FOUND.problem(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(PipelineConflictException ex) {
		return ProblemType.CONFLICT.problem(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unavailable(DeadLetterReadException ex) {
		log.warn("Cannot read dead letters: {}", ex.getMessage());
		return ProblemType.UNAVAILABLE.problem(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error while handling a request", ex);
		return ProblemType.INTERNAL.problem("the server failed to handle the request; the server log has details");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemType.INVALID_REQUEST
			.problem("the request body is missing or unreadable; send a pipeline spec as JSON or YAML");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String supported = ex.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
		ProblemDetail problem = ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("Content-Type '" + ex.getContentType()
				+ "' is not supported here; send the body as one of: " + supported);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Object content = (body == null && ex instanceof ErrorResponse error) ? error.getBody() : body;
		Object problem = content instanceof ProblemDetail detail && isUntyped(detail) ? typed(detail, status) : content;
		return super.handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static ProblemDetail typed(ProblemDetail detail, HttpStatusCode status) {
		ProblemType type = switch (HttpStatus.valueOf(status.value())) {
			case NOT_FOUND -> ProblemType.NOT_FOUND;
			case METHOD_NOT_ALLOWED -> ProblemType.METHOD_NOT_ALLOWED;
			case NOT_ACCEPTABLE -> ProblemType.NOT_ACCEPTABLE;
			case UNSUPPORTED_MEDIA_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
			case CONTENT_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
			default -> status.is4xxClientError() ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL;
		};
		ProblemDetail typed = type.problem(detail.getDetail());
		typed.setStatus(status.value());
		if (detail.getProperties() != null) {
			detail.getProperties().forEach(typed::setProperty);
		}
		return typed;
	}

	private static boolean isUntyped(ProblemDetail detail) {
		return detail.getType() == null || "about:blank".equals(detail.getType().toString());
	}

	private static String describe(FieldError error) {
		return error.path().isEmpty() ? error.message() : error.path() + ": " + error.message();
	}

}
