package io.streamplane.features.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.streamplane.features.FeatureReader;
import io.streamplane.features.FeatureViews;

/** The feature API of a servlet web application. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class FeatureWebConfiguration {

	@Bean
	FeatureController featureController(FeatureViews views, FeatureReader reader) {
		return new FeatureController(views, reader);
	}

	@Bean
	FeatureExceptionHandler featureExceptionHandler() {
		return new FeatureExceptionHandler();
	}

}
