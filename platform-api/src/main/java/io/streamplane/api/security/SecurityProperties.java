package io.streamplane.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access control of the HTTP APIs ({@code streamplane.security.*}).
 *
 * @param adminToken the bearer token that mutating requests must carry
 * ({@code Authorization: Bearer <token>}); environment variable
 * {@code STREAMPLANE_SECURITY_ADMIN_TOKEN}. Standalone generates one when unset. Never logged.
 * @param readAccess whether read requests ({@code GET}, validate, preview) are {@code open} to
 * anyone or need the admin {@code token} too
 */
@Validated
@ConfigurationProperties("streamplane.security")
public record SecurityProperties(String adminToken, @DefaultValue("open") ReadAccess readAccess) {

	/** Who may read. */
	public enum ReadAccess {

		/** Anyone may read. */
		OPEN,

		/** Reads need the admin token too. */
		TOKEN

	}

	@Override
	public String toString() {
		return "SecurityProperties[adminToken=" + (adminToken == null ? "unset" : "******") + ", readAccess="
				+ readAccess + "]";
	}

}
