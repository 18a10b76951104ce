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

import io.streamplane.features.FeatureReader;
import io.streamplane.features.FeatureServerProperties;
import io.streamplane.features.FeatureViews;
import io.streamplane.features.metrics.RequestTimingFilter;

/** The feature API of a servlet web application: both read endpoints and the timing of every request. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class FeatureWebConfiguration {

	@Bean
	FeatureController featureController(FeatureViews views, FeatureReader reader) {
		return new FeatureController(views, reader);
	}

	@Bean
	OnlineFeaturesController onlineFeaturesController(FeatureViews views, FeatureReader reader,
			FeatureServerProperties properties) {
		return new OnlineFeaturesController(views, reader, properties.maxEntitiesPerRequest(),
				properties.maxRequestSize());
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
	FeatureExceptionHandler featureExceptionHandler() {
		return new FeatureExceptionHandler();
	}

}
