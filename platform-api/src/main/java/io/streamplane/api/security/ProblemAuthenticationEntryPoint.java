package io.streamplane.api.security;

import java.io.IOException;

import io.streamplane.api.web.ProblemType;
import io.streamplane.api.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers unauthenticated requests with a 401 problem that says how to authenticate, or why the
 * presented token was refused.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemWriter problems;

	ProblemAuthenticationEntryPoint(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		Object refused = request.getAttribute(AdminTokenFilter.REFUSED);
		String detail = refused instanceof AuthenticationException earlier ? earlier.getMessage()
				: ex instanceof BadCredentialsException ? ex.getMessage()
				: "this request needs the admin token: send 'Authorization: Bearer <token>' with the value of "
						+ "streamplane.security.admin-token (standalone: the file data/admin-token)";
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"streamplane\"");
		problems.write(request, response, ProblemType.UNAUTHORIZED.problem(detail));
	}

}
