package io.streamplane.api.desiredstate;

import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/** Publication of desired pipeline states to the compacted {@link Topics#PIPELINES} topic. */
@Configuration(proxyBeanMethods = false)
public class DesiredStateConfiguration {

	@Bean
	NewTopic pipelinesTopic() {
		return TopicBuilder.name(Topics.PIPELINES).partitions(1).compact().build();
	}

	@Bean
	DesiredStatePublisher desiredStatePublisher(PipelineRegistry registry, KafkaTemplate<String, String> kafka,
			JsonMapper json) {
		return new DesiredStatePublisher(registry, kafka, json);
	}

}
