package io.streamplane.api.web;

import io.streamplane.api.ControlPlaneProperties;
import io.streamplane.engine.preview.PipelinePreview;
import io.streamplane.spec.SpecReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** The REST API: controllers, problem responses, request size limit, spec reading. */
@Configuration(proxyBeanMethods = false)
@Import({ PipelineController.class, PipelineInsightsController.class, StatusController.class, FeatureViewController.class,
		SchemaController.class, PreviewController.class, ApiExceptionHandler.class })
public class WebConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SpecReader specReader() {
		return new SpecReader();
	}

	@Bean
	SpecBodies specBodies(SpecReader reader) {
		return new SpecBodies(reader);
	}

	@Bean
	PipelinePreview pipelinePreview() {
		return new PipelinePreview();
	}

	@Bean
	PreviewRunner previewRunner(PipelinePreview preview, ControlPlaneProperties properties) {
		return new PreviewRunner(preview, properties.preview());
	}

	@Bean
	PreviewRequests previewRequests(SpecReader reader, JsonMapper json) {
		return new PreviewRequests(reader, json);
	}

	@Bean
	ProblemWriter problemWriter(JsonMapper json) {
		return new ProblemWriter(json);
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ControlPlaneProperties properties,
			ProblemWriter problems) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties.maxRequestSize().toBytes(), problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
