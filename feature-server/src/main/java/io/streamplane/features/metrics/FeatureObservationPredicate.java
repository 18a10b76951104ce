package io.streamplane.features.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Leaves feature reads out of Spring's observations: the server's {@code http.server.requests} and Spring
 * Security's {@code spring.security.*} filter observations. {@link RequestTimingFilter} already times every
 * feature read with a histogram, and the observations cost a feature read more CPU than its store read.
 * Other requests (the control plane's API, actuator) keep their observations.
 */
public final class FeatureObservationPredicate implements ObservationPredicate {

	@Override
	public boolean test(String name, Observation.Context context) {
		if (context instanceof ServerRequestObservationContext server) {
			return !RequestTimingFilter.isFeatureRequest(server.getCarrier());
		}
		if (name.startsWith("spring.security.")) {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			return !(attributes instanceof ServletRequestAttributes servlet
					&& RequestTimingFilter.isFeatureRequest(servlet.getRequest()));
		}
		return true;
	}

}
