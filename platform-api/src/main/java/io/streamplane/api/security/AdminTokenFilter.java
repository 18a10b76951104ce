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
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request without the header goes on as
 * anonymous and the authorization rules decide; a malformed header or a wrong token is answered
 * with 401 at once.
 */
final class AdminTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final AdminTokenAuthenticationProvider provider;

	private final AuthenticationEntryPoint entryPoint;

	AdminTokenFilter(AdminTokenAuthenticationProvider provider, AuthenticationEntryPoint entryPoint) {
		this.provider = provider;
		this.entryPoint = entryPoint;
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
			chain.doFilter(request, response);
		}
		catch (AuthenticationException ex) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, ex);
		}
	}

}
