package io.streamplane.features.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a feature read through only with {@code Authorization: Bearer <read token>}; anything else is a
 * 401 {@code application/problem+json} that says how to authenticate (never what the token is). Tokens
 * are compared in constant time (SHA-256 digests compared with {@link MessageDigest#isEqual}).
 */
final class ReadTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final byte[] expectedDigest;

	ReadTokenFilter(String readToken) {
		this.expectedDigest = digest(readToken);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			reject(request, response, "this feature server needs a read token: send 'Authorization: Bearer <token>' "
					+ "with the value of streamplane.feature-server.read-token");
		}
		else if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			reject(request, response, "the Authorization header must be 'Bearer <token>' with the value of "
					+ "streamplane.feature-server.read-token");
		}
		else if (!MessageDigest.isEqual(expectedDigest, digest(header.substring(BEARER.length()).trim()))) {
			reject(request, response, "the bearer token is not the feature server's read token "
					+ "(streamplane.feature-server.read-token)");
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static void reject(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "urn:streamplane:problem:unauthorized");
		problem.put("title", "Authentication required");
		problem.put("status", HttpStatus.UNAUTHORIZED.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"streamplane-features\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		MAPPER.writeValue(response.getOutputStream(), problem);
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}
