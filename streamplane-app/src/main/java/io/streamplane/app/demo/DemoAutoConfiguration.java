package io.streamplane.app.demo;

import java.time.Clock;

import io.streamplane.api.ControlPlaneAutoConfiguration;
import io.streamplane.api.registry.PipelineRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The demo ({@code streamplane.demo.enabled=true}): registers the click-features example pipeline
 * once the application is ready and feeds it synthetic clicks. Needs the control-plane role.
 */
@AutoConfiguration(after = ControlPlaneAutoConfiguration.class)
@ConditionalOnProperty(prefix = DemoProperties.PREFIX, name = "enabled", havingValue = "true")
@ConditionalOnBean(PipelineRegistry.class)
@EnableConfigurationProperties(DemoProperties.class)
public final class DemoAutoConfiguration {

	@Bean
	DemoPipeline demoPipeline(PipelineRegistry registry) {
		return new DemoPipeline(registry);
	}

	@Bean
	NewTopic demoClicksTopic(DemoPipeline pipeline) {
		return TopicBuilder.name(pipeline.clicksTopic()).partitions(1).build();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> demoRegistration(DemoPipeline pipeline) {
		return event -> pipeline.register();
	}

	@Bean
	ClickGenerator demoClickGenerator(KafkaTemplate<String, String> kafka, DemoPipeline pipeline,
			DemoProperties properties) {
		return new ClickGenerator(kafka, pipeline.clicksTopic(), properties, Clock.systemUTC());
	}

}
