package io.streamplane.api.status;

import java.time.Clock;
import java.time.Duration;

import io.streamplane.api.ControlPlaneProperties;
import io.streamplane.protocol.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;

/** Aggregation of engine status reports from {@link Topics#STATUS}. */
@Configuration(proxyBeanMethods = false)
public class StatusConfiguration {

	private static final Duration STATUS_RETENTION = Duration.ofDays(1);

	@Bean
	NewTopic statusTopic() {
		return TopicBuilder.name(Topics.STATUS)
			.partitions(1)
			.config(TopicConfig.CLEANUP_POLICY_CONFIG,
					TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
			.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(STATUS_RETENTION.toMillis()))
			.build();
	}

	@Bean
	StatusBoard statusBoard(ControlPlaneProperties properties, Clock clock) {
		return new StatusBoard(properties.statusStaleAfter(), properties.statusExpireAfter(), clock);
	}

	@Bean
	StatusHistory statusHistory(StatusBoard board, Clock clock) {
		return new StatusHistory(board, clock);
	}

	@Bean
	StatusTopicReader statusTopicReader(ConsumerFactory<?, ?> consumers, StatusBoard board, JsonMapper json) {
		return new StatusTopicReader(consumers, board, json);
	}

}
