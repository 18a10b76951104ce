package io.streamplane.app.demo;

import java.time.Clock;

import javax.sql.DataSource;

import io.streamplane.api.ControlPlaneAutoConfiguration;
import io.streamplane.api.registry.PipelineRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Qualifier;
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
 * The demo ({@code streamplane.demo.enabled=true}): once the application is ready, registers the click-features
 * example pipeline and feeds it synthetic clicks, and creates the table {@code public.documents} of the docs'
 * sections in the control plane's database and registers the pipeline indexing it as {@code docs}. Needs the
 * control-plane role.
 */
@AutoConfiguration(after = ControlPlaneAutoConfiguration.class)
@ConditionalOnProperty(prefix = DemoProperties.PREFIX, name = "enabled", havingValue = "true")
@ConditionalOnBean(PipelineRegistry.class)
@EnableConfigurationProperties(DemoProperties.class)
public final class DemoAutoConfiguration {

	@Bean
	DemoPipeline demoPipeline(PipelineRegistry registry) {
		return new DemoPipeline(registry, DemoPipeline.CLICKS);
	}

	@Bean
	DemoPipeline demoDocsPipeline(PipelineRegistry registry) {
		return new DemoPipeline(registry, DemoPipeline.DOCS);
	}

	@Bean
	DemoDocuments demoDocuments(DataSource dataSource) {
		return new DemoDocuments(dataSource);
	}

	@Bean
	NewTopic demoClicksTopic(@Qualifier("demoPipeline") DemoPipeline pipeline) {
		return TopicBuilder.name(pipeline.sourceTopic()).partitions(1).build();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> demoRegistration(@Qualifier("demoPipeline") DemoPipeline clicks,
			@Qualifier("demoDocsPipeline") DemoPipeline docs, DemoDocuments documents) {
		return event -> {
			clicks.register();
			documents.createAndFill();
			docs.register();
		};
	}

	@Bean
	ClickGenerator demoClickGenerator(KafkaTemplate<String, String> kafka, @Qualifier("demoPipeline") DemoPipeline pipeline,
			DemoProperties properties) {
		return new ClickGenerator(kafka, pipeline.sourceTopic(), properties, Clock.systemUTC());
	}

}
