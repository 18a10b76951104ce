package io.streamplane.features.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The timers of feature reads: {@value #REQUEST} with tags {@code listener} ({@code web} for the web server,
 * {@code serving} for the serving port), {@code endpoint} ({@code get} for
 * {@code GET /features/{view}/{entity}}, {@code post} for {@code POST /features}, {@code other}) and
 * {@code outcome} ({@code success}, {@code client_error}, {@code server_error}), each with a percentile
 * histogram so Prometheus can compute any quantile across replicas. They are created up front, so a request
 * pays no meter lookup.
 */
public final class FeatureRequestTimers {

	/** Name of the request timer. */
	public static final String REQUEST = "streamplane.features.request";

	private static final String[] ENDPOINTS = { "get", "post", "other" };

	private static final String[] OUTCOMES = { "success", "client_error", "server_error" };

	private final Timer[][] timers = new Timer[ENDPOINTS.length][OUTCOMES.length];

	/** Registers the timers of one listener ({@code web} or {@code serving}) in {@code registry}. */
	public FeatureRequestTimers(MeterRegistry registry, String listener) {
		for (int endpoint = 0; endpoint < ENDPOINTS.length; endpoint++) {
			for (int outcome = 0; outcome < OUTCOMES.length; outcome++) {
				timers[endpoint][outcome] = Timer.builder(REQUEST)
					.description("Feature reads, from the request's arrival to its response")
					.tag("listener", listener)
					.tag("endpoint", ENDPOINTS[endpoint])
					.tag("outcome", OUTCOMES[outcome])
					.publishPercentileHistogram()
					.register(registry);
			}
		}
	}

	/** Records one request of {@code method} answered with {@code status} after {@code nanos}. */
	public void record(String method, int status, long nanos) {
		timers[endpoint(method)][outcome(status)].record(nanos, TimeUnit.NANOSECONDS);
	}

	private static int endpoint(String method) {
		return switch (method) {
			case "GET" -> 0;
			case "POST" -> 1;
			default -> 2;
		};
	}

	private static int outcome(int status) {
		return status >= 500 ? 2 : status >= 400 ? 1 : 0;
	}

}
