package io.streamplane.api.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A bearer token presented by a client, and once checked, the admin principal it stands for. */
final class AdminTokenAuthentication extends AbstractAuthenticationToken {

	static final String ADMIN = "admin";

	static final String ADMIN_ROLE = "ADMIN";

	private final String token;

	private AdminTokenAuthentication(String token, boolean authenticated) {
		super(authenticated ? List.of(new SimpleGrantedAuthority("ROLE_" + ADMIN_ROLE)) : List.of());
		this.token = token;
		setAuthenticated(authenticated);
	}

	static AdminTokenAuthentication presented(String token) {
		return new AdminTokenAuthentication(token, false);
	}

	static AdminTokenAuthentication admin() {
		return new AdminTokenAuthentication(null, true);
	}

	@Override
	public Object getCredentials() {
		return token;
	}

	@Override
	public Object getPrincipal() {
		return ADMIN;
	}

	@Override
	public String toString() {
		return "AdminTokenAuthentication[authenticated=" + isAuthenticated() + "]";
	}

}
