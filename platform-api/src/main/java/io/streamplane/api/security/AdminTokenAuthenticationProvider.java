package io.streamplane.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks a presented bearer token against {@code streamplane.security.admin-token} in constant
 * time (digests of both compared with {@link MessageDigest#isEqual}).
 */
final class AdminTokenAuthenticationProvider implements AuthenticationProvider {

	private final byte[] expectedDigest;

	AdminTokenAuthenticationProvider(String adminToken) {
		this.expectedDigest = digest(adminToken);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String presented = (String) authentication.getCredentials();
		if (presented == null || !MessageDigest.isEqual(expectedDigest, digest(presented))) {
			throw new BadCredentialsException("the bearer token is not valid; use the value of "
					+ "streamplane.security.admin-token (standalone: the file data/admin-token)");
		}
		return AdminTokenAuthentication.admin();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return AdminTokenAuthentication.class.isAssignableFrom(authentication);
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
