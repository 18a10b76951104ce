package io.streamplane.api.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing or weak admin token at start-up, without showing it. */
final class InvalidAdminTokenFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAdminTokenException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAdminTokenException cause) {
		return new FailureAnalysis(cause.getMessage() + ". Mutating API requests need this bearer token.",
				"Set streamplane.security.admin-token (environment variable STREAMPLANE_SECURITY_ADMIN_TOKEN) to a "
						+ "random secret of at least " + InvalidAdminTokenException.MIN_LENGTH
						+ " characters, e.g. the output of 'openssl rand -base64 32'. Standalone mode generates one "
						+ "in <data-dir>/admin-token when unset.",
				cause);
	}

}
