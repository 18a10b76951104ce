package io.streamplane.rag.embed.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only with {@code Authorization: Bearer <read token>}, compared in constant time (SHA-256
 * digests, {@link MessageDigest#isEqual}); anything else is a 401 {@code application/problem+json} that says how to
 * authenticate, never what the token is.
 */
final class ReadTokenFilter extends OncePerRequestFilter {

	static final String CHALLENGE = "Bearer realm=\"streamplane-rag-indexer\"";

	private static final String BEARER = "Bearer ";

	private final byte[] expectedDigest;

	ReadTokenFilter(String readToken) {
		this.expectedDigest = digest(readToken);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String rejection = rejection(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (rejection == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"urn:streamplane:problem:unauthorized\",\"title\":\"Authentication required\","
					+ "\"status\":401,\"detail\":\"" + rejection + "\",\"instance\":\""
					+ request.getRequestURI().replace("\"", "%22").replace("\\", "%5C") + "\"}");
	}

	private String rejection(String authorization) {
		if (authorization == null) {
			return "this rag-indexer needs a read token: send 'Authorization: Bearer <token>' with the value of "
					+ EmbeddingsWebConfiguration.READ_TOKEN;
		}
		if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return "the Authorization header must be 'Bearer <token>' with the value of "
					+ EmbeddingsWebConfiguration.READ_TOKEN;
		}
		if (!MessageDigest.isEqual(expectedDigest, digest(authorization.substring(BEARER.length()).trim()))) {
			return "the bearer token is not the rag-indexer's read token (" + EmbeddingsWebConfiguration.READ_TOKEN
					+ ")";
		}
		return null;
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
