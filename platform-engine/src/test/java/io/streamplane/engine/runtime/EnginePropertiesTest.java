package io.streamplane.engine.runtime;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class EnginePropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Enabled.class);

	@Test
	void shouldDefaultEverythingAndLeaveTheInstanceIdToTheStateDirectory() {
		runner.run(context -> {
			EngineProperties properties = context.getBean(EngineProperties.class);
			assertThat(properties.instanceId()).isNull();
			assertThat(properties.stateDir().normalize()).isEqualTo(Path.of("data/engine"));
			assertThat(properties.statusInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.restart().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.restart().maxBackoff()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.restart().maxAttempts()).isEqualTo(5);
			assertThat(properties.numStreamThreads()).isEqualTo(1);
			assertThat(properties.commitInterval()).isEmpty();
			assertThat(properties.replicationFactor()).isEqualTo(-1);
			assertThat(properties.standbyReplicas()).isZero();
		});
	}

	@Test
	void shouldDoubleTheBackoffUpToTheMaximum() {
		EngineProperties.Restart restart = new EngineProperties.Restart(Duration.ofSeconds(1), Duration.ofSeconds(5), 5);
		assertThat(restart.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(restart.backoff(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(restart.backoff(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(restart.backoff(4)).isEqualTo(Duration.ofSeconds(5));
		assertThat(restart.backoff(100)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void shouldRejectInvalidValuesNamingEachProperty() {
		runner.withPropertyValues("streamplane.engine.instance-id=has space", "streamplane.engine.num-stream-threads=0",
				"streamplane.engine.replication-factor=0", "streamplane.engine.restart.initial-backoff=2m")
			.run(context -> {
				assertThat(context).hasFailed();
				String message = rootMessage(context.getStartupFailure());
				assertThat(message).contains("instanceId", "numStreamThreads", "replicationFactor", "initial-backoff");
			});
	}

	private static String rootMessage(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EngineProperties.class)
	static class Enabled {

	}

}
