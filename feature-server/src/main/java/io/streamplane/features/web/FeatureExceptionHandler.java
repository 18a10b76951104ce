package io.streamplane.features.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/**
 * Failures of the feature controllers outside {@link FeatureApi} (which answers its own, store failures
 * included) as {@code application/problem+json}: a 500 without internals. Limited to this package and
 * ordered first, so the control plane's global handler never sees feature requests.
 */
@RestControllerAdvice(basePackageClasses = FeatureExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FeatureExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(FeatureExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error while reading features", ex);
		return FeatureProblems.internal("the feature server failed to handle the request; the server log has details");
	}

}
