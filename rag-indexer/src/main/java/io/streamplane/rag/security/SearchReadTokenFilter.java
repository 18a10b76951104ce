package io.streamplane.rag.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a search through only with {@code Authorization: Bearer <read token>}; anything else is a 401
 * {@code application/problem+json} that says how to authenticate.
 */
final class SearchReadTokenFilter extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SearchReadToken token;

	SearchReadTokenFilter(String readToken) {
		this.token = new SearchReadToken(readToken);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> rejection = token.rejection(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (rejection.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, SearchReadToken.CHALLENGE);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		JSON.writeValue(response.getOutputStream(), java.util.Map.of("type", "urn:streamplane:problem:unauthorized",
				"title", "Authentication required", "status", 401, "detail", rejection.get(), "instance",
				request.getRequestURI()));
	}

}
