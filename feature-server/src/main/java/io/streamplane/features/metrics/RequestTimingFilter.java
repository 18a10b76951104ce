package io.streamplane.features.metrics;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every request to {@code /features/**} from the first filter to the last byte written, rejections
 * by the read token included: timer {@value #REQUEST} with tags {@code endpoint} ({@code get} for
 * {@code GET /features/{view}/{entity}}, {@code post} for {@code POST /features}, {@code other}) and
 * {@code outcome} ({@code success}, {@code client_error}, {@code server_error}), with a percentile
 * histogram so Prometheus can compute any quantile across replicas. The timers are created up front, so a
 * request pays no meter lookup.
 */
public final class RequestTimingFilter extends OncePerRequestFilter {

	/** Name of the request timer. */
	public static final String REQUEST = "streamplane.features.request";

	private static final String[] ENDPOINTS = { "get", "post", "other" };

	private static final String[] OUTCOMES = { "success", "client_error", "server_error" };

	private final Timer[][] timers = new Timer[ENDPOINTS.length][OUTCOMES.length];

	/** Registers the timers in {@code registry}. */
	public RequestTimingFilter(MeterRegistry registry) {
		for (int endpoint = 0; endpoint < ENDPOINTS.length; endpoint++) {
			for (int outcome = 0; outcome < OUTCOMES.length; outcome++) {
				timers[endpoint][outcome] = Timer.builder(REQUEST)
					.description("Feature reads, from the first filter to the response")
					.tag("endpoint", ENDPOINTS[endpoint])
					.tag("outcome", OUTCOMES[outcome])
					.publishPercentileHistogram()
					.register(registry);
			}
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return !uri.equals("/features") && !uri.startsWith("/features/");
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
			timers[endpoint(request)][outcome(status)].record(System.nanoTime() - start,
					TimeUnit.NANOSECONDS);
		}
	}

	private static int endpoint(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "GET" -> 0;
			case "POST" -> 1;
			default -> 2;
		};
	}

	private static int outcome(int status) {
		return status >= 500 ? 2 : status >= 400 ? 1 : 0;
	}

}
