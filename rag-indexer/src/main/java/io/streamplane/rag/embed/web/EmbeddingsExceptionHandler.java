package io.streamplane.rag.embed.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.streamplane.rag.embed.EmbeddingException;

/**
 * Failures of {@code /v1/embeddings} as {@code application/problem+json}: 400 for a request the endpoint will not
 * serve, 503 when the model may succeed later (a remote service overloaded or unreachable), 500 otherwise.
 * Limited to this package and ordered first, so other handlers never see these requests.
 */
@RestControllerAdvice(basePackageClasses = EmbeddingsExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EmbeddingsExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingsExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail invalid(EmbeddingsRequestException ex) {
		return EmbeddingsProblems.invalidRequest(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return EmbeddingsProblems.invalidRequest(
				"the body must be a JSON object such as {\"input\": [\"text\"], \"model\": \"all-MiniLM-L6-v2\"}");
	}

	@ExceptionHandler
	ProblemDetail failed(EmbeddingException ex) {
		if (ex.isRetriable()) {
			log.warn("Embedding failed, may pass later: {}", ex.getMessage());
			return EmbeddingsProblems.unavailable("the embedding model is unavailable, try again later: " + ex.getMessage());
		}
		log.error("Embedding failed", ex);
		return EmbeddingsProblems.internal("the embedding model failed: " + ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error while embedding", ex);
		return EmbeddingsProblems.internal("the embeddings endpoint failed to handle the request; the server log has details");
	}

}
