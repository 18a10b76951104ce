package io.streamplane.api.registry;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The registry's repositories and service. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = PipelineRepository.class)
public class RegistryConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	PipelineRegistry pipelineRegistry(PipelineRepository pipelines, PipelineVersionRepository versions,
			AuditEventRepository audit, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		return new PipelineRegistry(pipelines, versions, audit, events, json, clock);
	}

}
