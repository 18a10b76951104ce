package io.streamplane.features.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import io.streamplane.features.web.FeatureAnswer;

/**
 * Lets a feature read on the web server through only with {@code Authorization: Bearer <read token>}
 * ({@link ReadToken}); anything else is a 401 {@code application/problem+json} that says how to authenticate.
 */
final class ReadTokenFilter extends OncePerRequestFilter {

	private final ReadToken token;

	ReadTokenFilter(String readToken) {
		this.token = new ReadToken(readToken);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> rejection = token.rejection(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (rejection.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ReadToken.CHALLENGE);
		FeatureAnswer.unauthorized(rejection.get(), request.getRequestURI()).send(response);
	}

}
