package io.streamplane.rag.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.streamplane.rag.embed.EmbeddingException;

/**
 * Answers the search API's failures as RFC 9457 problems. Limited to the search controllers and ordered first,
 * so the control plane's global handler never sees search requests.
 */
@RestControllerAdvice(assignableTypes = { SearchController.class, PathwayController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
final class SearchExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(SearchExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> requestFailed(SearchRequestException ex) {
		return ResponseEntity.status(ex.problem().getStatus()).body(ex.problem());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> embeddingFailed(EmbeddingException ex) {
		ProblemDetail problem = SearchProblems.unavailable("the query could not be embedded: " + ex.getMessage());
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		log.error("Unexpected error while searching", ex);
		ProblemDetail problem = SearchProblems.internal("the indexer failed to handle the search; the server log has "
				+ "details");
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
