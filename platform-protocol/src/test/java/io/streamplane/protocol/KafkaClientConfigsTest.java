package io.streamplane.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientConfigsTest {

	private static final SslBundle BUNDLE = SslBundle.of(SslStoreBundle.NONE);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
		.withPropertyValues("spring.kafka.client-id=sp", "spring.kafka.consumer.max-poll-records=7",
				"spring.kafka.producer.acks=all", "spring.kafka.admin.properties.request.timeout.ms=1234",
				"spring.kafka.streams.properties.num.stream.threads=3");

	@Test
	void shouldConnectWhereSpringBootsOwnClientsConnect() {
		runner.withPropertyValues("spring.kafka.bootstrap-servers=kafka-1:9092,kafka-2:9092",
				"spring.kafka.security.protocol=SASL_SSL")
			.run(context -> {
				KafkaClientConfigs configs = configs(context);
				assertThat(configs.consumer()).isEqualTo(joined(context.getBean(DefaultKafkaConsumerFactory.class)
					.getConfigurationProperties()))
					.containsEntry("max.poll.records", 7);
				assertThat(configs.producer()).isEqualTo(joined(context.getBean(DefaultKafkaProducerFactory.class)
					.getConfigurationProperties()))
					.containsEntry("acks", "all");
				assertThat(configs.admin())
					.isEqualTo(joined(context.getBean(KafkaAdmin.class).getConfigurationProperties()))
					.containsEntry("request.timeout.ms", "1234");
				assertThat(configs.streams()).containsEntry("num.stream.threads", "3")
					.containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092,kafka-2:9092")
					.containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
			});
	}

	@Test
	void shouldTakeServersSecurityProtocolAndSslBundleFromConnectionDetailsBeans() {
		runner.withPropertyValues("spring.kafka.bootstrap-servers=ignored:9092")
			.withBean(KafkaConnectionDetails.class, () -> new KafkaConnectionDetails() {

				@Override
				public List<String> getBootstrapServers() {
					return List.of("container:32768");
				}

				@Override
				public SslBundle getSslBundle() {
					return BUNDLE;
				}

				@Override
				public String getSecurityProtocol() {
					return "SSL";
				}

			})
			.run(context -> {
				KafkaClientConfigs configs = configs(context);
				for (Map<String, Object> config : List.of(configs.consumer(), configs.producer(), configs.admin(),
						configs.streams())) {
					assertThat(config).containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "container:32768")
						.containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL")
						.containsEntry(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class)
						.containsEntry(SslBundle.class.getName(), BUNDLE);
				}
				assertThat(configs.admin()).isEqualTo(joined(context.getBean(KafkaAdmin.class).getConfigurationProperties()));
			});
	}

	@Test
	void shouldReturnAFreshMapEachTime() {
		runner.run(context -> {
			KafkaClientConfigs configs = configs(context);
			configs.consumer().put("group.id", "changed");
			assertThat(configs.consumer()).doesNotContainEntry("group.id", "changed");
		});
	}

	private static KafkaClientConfigs configs(ApplicationContext context) {
		return new KafkaClientConfigs(context.getBean(KafkaProperties.class),
				context.getBean(KafkaConnectionDetails.class));
	}

	/** Spring Boot keeps the bootstrap servers as a list; the roles' clients get them as one string. */
	private static Map<String, Object> joined(Map<String, Object> config) {
		Map<String, Object> copy = new HashMap<>(config);
		if (copy.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) instanceof List<?> servers) {
			copy.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
					String.join(",", servers.stream().map(String::valueOf).toList()));
		}
		return copy;
	}

}
