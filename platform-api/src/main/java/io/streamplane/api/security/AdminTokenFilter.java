package io.streamplane.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request without the header, with a malformed
 * one or with another token (e.g. a feature read token, or one meant for a proxy in front) goes on as
 * anonymous and the authorization rules decide: an open endpoint answers it, a protected one answers
 * 401 with the reason the token was refused ({@link #REFUSED}).
 */
final class AdminTokenFilter extends OncePerRequestFilter {

	/** The request attribute holding why the presented credentials were refused, an {@link AuthenticationException}. */
	static final String REFUSED = AdminTokenFilter.class.getName() + ".refused";

	private static final String BEARER = "Bearer ";

	private final AdminTokenAuthenticationProvider provider;

	AdminTokenFilter(AdminTokenAuthenticationProvider provider) {
		this.provider = provider;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				throw new BadCredentialsException(
						"the Authorization header must be 'Bearer <token>' with the admin token");
			}
			String token = header.substring(BEARER.length()).trim();
			SecurityContextHolder.getContext().setAuthentication(provider.authenticate(AdminTokenAuthentication.presented(token)));
		}
		catch (AuthenticationException ex) {
			SecurityContextHolder.clearContext();
			request.setAttribute(REFUSED, ex);
		}
		chain.doFilter(request, response);
	}

}
