package io.streamplane.api.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects API request bodies larger than {@code streamplane.control-plane.max-request-size} with
 * 413 before anything parses them: at once when {@code Content-Length} says so, otherwise (chunked)
 * after reading at most the limit plus one byte.
 */
public final class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limitBytes;

	private final ProblemWriter problems;

	/** A filter that allows bodies of at most {@code limitBytes}. */
	public RequestSizeLimitFilter(long limitBytes, ProblemWriter problems) {
		this.limitBytes = limitBytes;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limitBytes) {
			reject(request, response);
			return;
		}
		if (request.getContentLengthLong() >= 0) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limitBytes + 1));
		if (body.length > limitBytes) {
			reject(request, response);
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Connection", "close");
		problems.write(request, response,
				ProblemType.PAYLOAD_TOO_LARGE.problem("the request body is larger than the limit of " + limitBytes
						+ " bytes; send a smaller body or raise streamplane.control-plane.max-request-size"));
	}

	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("asynchronous reads are not supported");
				}

			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
