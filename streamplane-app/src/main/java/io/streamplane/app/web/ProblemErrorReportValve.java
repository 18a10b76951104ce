package io.streamplane.app.web;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report, as {@code application/problem+json} instead of an HTML page: the answer to
 * requests Tomcat rejects before any application sees them (a malformed request line or header, a
 * bare CR, a TLS hello on the HTTP port, an encoded {@code /} or {@code ..} in the path, TRACE) and to
 * any error no error page answered. Installed as the host's error report valve by
 * {@link ProblemErrorsConfiguration}. Shows no exception and no server version.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	/** A valve that answers every error without a body with a problem. */
	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		byte[] body = ContainerProblems.json(status, status < 500 ? response.getMessage() : null, instance(request));
		try {
			response.setContentType(ContainerProblems.CONTENT_TYPE);
			response.setContentLength(body.length);
			try (OutputStream out = response.getOutputStream()) {
				out.write(body);
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Cannot write the problem of a {} answer: {}", status, ex.toString());
		}
	}

	private static String instance(Request request) {
		try {
			String uri = request.getDecodedRequestURI();
			return uri == null || uri.chars().anyMatch(Character::isISOControl) ? null : uri;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
