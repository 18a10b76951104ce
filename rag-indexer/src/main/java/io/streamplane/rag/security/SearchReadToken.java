package io.streamplane.rag.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The indexer's read token ({@code streamplane.rag-indexer.read-token}), checked like the feature server's:
 * tokens compared in constant time (SHA-256 digests compared with {@link MessageDigest#isEqual}); a rejection says
 * how to authenticate, never what the token is.
 */
final class SearchReadToken {

	static final String CHALLENGE = "Bearer realm=\"streamplane-search\"";

	private static final String BEARER = "Bearer ";

	private final byte[] expectedDigest;

	SearchReadToken(String token) {
		this.expectedDigest = digest(token);
	}

	Optional<String> rejection(String authorization) {
		if (authorization == null) {
			return Optional.of("this indexer needs a read token: send 'Authorization: Bearer <token>' with the value "
					+ "of streamplane.rag-indexer.read-token");
		}
		if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
				|| !MessageDigest.isEqual(expectedDigest, digest(authorization.substring(BEARER.length()).trim()))) {
			return Optional.of("the Authorization header must be 'Bearer <token>' with the value of "
					+ "streamplane.rag-indexer.read-token");
		}
		return Optional.empty();
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
