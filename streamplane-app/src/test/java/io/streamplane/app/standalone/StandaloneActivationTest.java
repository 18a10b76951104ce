package io.streamplane.app.standalone;

import java.util.Set;

import io.streamplane.app.standalone.StandaloneInfrastructure.Component;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class StandaloneActivationTest {

	@Test
	void shouldEmbedBothWhenNothingIsConfigured() {
		assertThat(components(new MockEnvironment())).containsExactly(Component.KAFKA, Component.POSTGRES);
	}

	@Test
	void shouldEmbedOnlyWhatIsNotConfiguredExternally() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", "kafka:9092");
		assertThat(components(environment)).containsExactly(Component.POSTGRES);
		environment.withProperty("spring.datasource.url", "jdbc:postgresql://db/streamplane");
		assertThat(components(environment)).isEmpty();
	}

	@Test
	void shouldEmbedNothingWhenDisabled() {
		MockEnvironment environment = new MockEnvironment().withProperty("streamplane.standalone.enabled", "false");
		assertThat(components(environment)).isEmpty();
	}

	private static Set<Component> components(MockEnvironment environment) {
		return StandaloneActivation.components(environment, StandaloneActivation.properties(environment));
	}

}
