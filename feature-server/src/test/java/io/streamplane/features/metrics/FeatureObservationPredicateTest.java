package io.streamplane.features.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class FeatureObservationPredicateTest {

	private final FeatureObservationPredicate predicate = new FeatureObservationPredicate();

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void shouldLeaveFeatureReadsOutOfTheServerRequestObservation() {
		assertThat(predicate.test("http.server.requests", serverContext("GET", "/features/clicks/u1"))).isFalse();
		assertThat(predicate.test("http.server.requests", serverContext("POST", "/features"))).isFalse();
	}

	@Test
	void shouldKeepObservingOtherRequests() {
		assertThat(predicate.test("http.server.requests", serverContext("GET", "/api/v1/pipelines"))).isTrue();
		assertThat(predicate.test("http.server.requests", serverContext("GET", "/featuresx"))).isTrue();
		assertThat(predicate.test("kafka.template", new Observation.Context())).isTrue();
	}

	@Test
	void shouldLeaveSecurityObservationsOfFeatureReadsOut() {
		RequestContextHolder.setRequestAttributes(
				new ServletRequestAttributes(new MockHttpServletRequest("GET", "/features/clicks/u1")));
		assertThat(predicate.test("spring.security.filterchains", new Observation.Context())).isFalse();

		RequestContextHolder.setRequestAttributes(
				new ServletRequestAttributes(new MockHttpServletRequest("GET", "/api/v1/pipelines")));
		assertThat(predicate.test("spring.security.filterchains", new Observation.Context())).isTrue();
	}

	private static ServerRequestObservationContext serverContext(String method, String uri) {
		return new ServerRequestObservationContext(new MockHttpServletRequest(method, uri), new MockHttpServletResponse());
	}

}
