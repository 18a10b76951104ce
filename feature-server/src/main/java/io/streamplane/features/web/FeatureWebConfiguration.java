package io.streamplane.features.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.streamplane.features.metrics.FeatureObservationPredicate;
import io.streamplane.features.metrics.RequestTimingFilter;

/**
 * The feature API of a servlet web application: both read endpoints, the timing of every request, and no
 * Spring observation of feature reads (the timing filter measures them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class FeatureWebConfiguration {

	@Bean
	FeatureController featureController(FeatureApi api) {
		return new FeatureController(api);
	}

	@Bean
	OnlineFeaturesController onlineFeaturesController(FeatureApi api) {
		return new OnlineFeaturesController(api);
	}

	@Bean
	FilterRegistrationBean<RequestTimingFilter> featureRequestTimingFilter(ObjectProvider<MeterRegistry> registry) {
		FilterRegistrationBean<RequestTimingFilter> registration = new FilterRegistrationBean<>(
				new RequestTimingFilter(registry.getIfAvailable(SimpleMeterRegistry::new)));
		registration.addUrlPatterns("/features", "/features/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FeatureObservationPredicate featureObservationPredicate() {
		return new FeatureObservationPredicate();
	}

	@Bean
	FeatureExceptionHandler featureExceptionHandler() {
		return new FeatureExceptionHandler();
	}

}
