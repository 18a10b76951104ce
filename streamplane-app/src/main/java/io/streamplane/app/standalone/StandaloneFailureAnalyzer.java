package io.streamplane.app.standalone;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a {@link StandaloneException} as a description and an action, without a stack trace.
 * It takes precedence over Spring Boot's bind failure analyzer, so a rejected
 * {@link StandaloneProperties} value reads as our message rather than a binding error.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class StandaloneFailureAnalyzer extends AbstractFailureAnalyzer<StandaloneException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StandaloneException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
