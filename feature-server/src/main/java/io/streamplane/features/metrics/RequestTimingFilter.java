package io.streamplane.features.metrics;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every request to {@code /features/**} on the web server from the first filter to the last byte
 * written, rejections by the read token included, in the {@link FeatureRequestTimers} of listener
 * {@code web}.
 */
public final class RequestTimingFilter extends OncePerRequestFilter {

	private final FeatureRequestTimers timers;

	/** Registers the timers in {@code registry}. */
	public RequestTimingFilter(MeterRegistry registry) {
		this.timers = new FeatureRequestTimers(registry, "web");
	}

	/** Whether {@code request} reads features: {@code /features} or a path under it. */
	public static boolean isFeatureRequest(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.startsWith("/features") && (uri.length() == 9 || uri.charAt(9) == '/');
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isFeatureRequest(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			timers.record(request.getMethod(), status, System.nanoTime() - start);
		}
	}

}
