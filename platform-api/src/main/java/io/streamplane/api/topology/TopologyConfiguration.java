package io.streamplane.api.topology;

import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.spec.SpecReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topology graphs of registered pipelines ({@link PipelineTopologies}). */
@Configuration(proxyBeanMethods = false)
public class TopologyConfiguration {

	@Bean
	PipelineTopologies pipelineTopologies(PipelineRegistry registry, SpecReader specs) {
		return new PipelineTopologies(registry, specs);
	}

}
