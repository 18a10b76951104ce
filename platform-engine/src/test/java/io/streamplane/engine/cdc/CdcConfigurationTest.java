package io.streamplane.engine.cdc;

import java.time.Duration;

import io.streamplane.engine.cdc.internal.CdcDatabase;
import io.streamplane.engine.cdc.internal.Database;
import io.streamplane.engine.runtime.EngineProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class CdcConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, KafkaAutoConfiguration.class))
		.withUserConfiguration(Engine.class, CdcConfiguration.class);

	@Test
	void shouldStartWithoutDatabaseWhenNoTableIsDemanded() {
		runner.run(context -> {
			assertThat(context).hasNotFailed();
			CdcCapture capture = context.getBean(CdcCapture.class);
			assertThat(capture.demanded()).isEmpty();
			assertThat(capture.isLeader()).isFalse();
			assertThat(capture.status()).isEmpty();
		});
	}

	@Test
	void shouldDefaultToFreshCaptureAndKafkaTopics() {
		runner.run(context -> {
			CdcProperties properties = context.getBean(CdcProperties.class);
			assertThat(properties.tables()).isEmpty();
			assertThat(properties.url()).isEmpty();
			assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(20));
			assertThat(properties.offsetFlushInterval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.heartbeatTable()).isEmpty();
			assertThat(properties.leaderTopic()).isEqualTo("sp.cdc.leader");
			assertThat(properties.offsetsTopic()).isEqualTo("sp.cdc.offsets");
		});
	}

	@Test
	void shouldCaptureFromTheApplicationsJdbcConnectionDetails() {
		runner.withBean(JdbcConnectionDetails.class, () -> new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return "jdbc:postgresql://container:32770/streamplane";
			}

			@Override
			public String getUsername() {
				return "test";
			}

			@Override
			public String getPassword() {
				return "test";
			}

		}).run(context -> assertThat(context.getBean(CdcDatabase.class).resolve())
			.isEqualTo(new Database("jdbc:postgresql://container:32770/streamplane", "test", "test")));
	}

	@Test
	void shouldNeverShowThePassword() {
		runner.withPropertyValues("streamplane.engine.cdc.password=s3cret", "streamplane.engine.cdc.username=cdc")
			.run(context -> assertThat(context.getBean(CdcProperties.class).toString()).doesNotContain("s3cret")
				.contains("cdc"));
	}

	@Test
	void shouldRejectTableNamesThatAreNotPlainIdentifiers() {
		runner.withPropertyValues("streamplane.engine.cdc.tables=public.users,sales.1orders")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("tables")
				.hasMessageContaining("e.g. public.users"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EngineProperties.class)
	static class Engine {

		@Bean
		CdcInstance cdcInstance(EngineProperties engine) {
			return new CdcInstance("test-engine", engine.replicationFactor());
		}

	}

}
