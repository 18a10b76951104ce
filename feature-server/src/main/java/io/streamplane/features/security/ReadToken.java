package io.streamplane.features.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The feature server's read token ({@code streamplane.feature-server.read-token}): which
 * {@code Authorization} headers carry it. Tokens are compared in constant time (SHA-256 digests compared
 * with {@link MessageDigest#isEqual}); a rejection says how to authenticate, never what the token is.
 */
public final class ReadToken {

	/** The {@code WWW-Authenticate} challenge of a rejected read. */
	public static final String CHALLENGE = "Bearer realm=\"streamplane-features\"";

	private static final String BEARER = "Bearer ";

	private final byte[] expectedDigest;

	/** The token reads must carry. */
	public ReadToken(String token) {
		this.expectedDigest = digest(token);
	}

	/**
	 * Why a request with this {@code Authorization} header (null when absent) may not read, or empty if it
	 * carries the token.
	 */
	public Optional<String> rejection(String authorization) {
		if (authorization == null) {
			return Optional.of("this feature server needs a read token: send 'Authorization: Bearer <token>' "
					+ "with the value of streamplane.feature-server.read-token");
		}
		if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.of("the Authorization header must be 'Bearer <token>' with the value of "
					+ "streamplane.feature-server.read-token");
		}
		if (!MessageDigest.isEqual(expectedDigest, digest(authorization.substring(BEARER.length()).trim()))) {
			return Optional.of("the bearer token is not the feature server's read token "
					+ "(streamplane.feature-server.read-token)");
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
