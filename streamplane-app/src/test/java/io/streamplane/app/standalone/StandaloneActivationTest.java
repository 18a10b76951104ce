package io.streamplane.app.standalone;

import java.util.Set;

import io.streamplane.app.standalone.StandaloneInfrastructure.Component;
import io.streamplane.app.testing.ContainerConnections;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
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

	@Test
	void shouldNotCountConnectionDetailsThatSpringBootDerivesFromProperties() {
		withKafkaAndDatabase().withPropertyValues("spring.kafka.bootstrap-servers=kafka:9092",
				"spring.datasource.url=jdbc:postgresql://db/streamplane")
			.run(context -> {
				assertThat(context).hasSingleBean(KafkaConnectionDetails.class).hasSingleBean(JdbcConnectionDetails.class);
				assertThat(StandaloneActivation.connectedByBeans(context.getBeanFactory())).isEmpty();
			});
	}

	@Test
	void shouldCountConnectionDetailsRegisteredLikeServiceConnections() {
		withKafkaAndDatabase().withPropertyValues("spring.datasource.url=jdbc:postgresql://db/streamplane")
			.withInitializer(context -> {
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context;
			ContainerConnections.register(registry, "kafkaContainer", ContainerConnections.kafka("localhost:32768"));
		}).run(context -> {
			assertThat(StandaloneActivation.connectedByBeans(context.getBeanFactory())).containsExactly(Component.KAFKA);
			assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
				.containsExactly("localhost:32768");
		});
	}

	@Test
	void shouldCountConnectionDetailsBeansOfTheApplication() {
		withKafkaAndDatabase()
			.withBean(JdbcConnectionDetails.class,
					() -> ContainerConnections.jdbc("jdbc:postgresql://localhost:32769/streamplane", "test", "test"))
			.run(context -> assertThat(StandaloneActivation.connectedByBeans(context.getBeanFactory()))
				.containsExactly(Component.POSTGRES));
	}

	private static ApplicationContextRunner withKafkaAndDatabase() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, DataSourceAutoConfiguration.class));
	}

	private static Set<Component> components(MockEnvironment environment) {
		return StandaloneActivation.components(environment, StandaloneActivation.properties(environment));
	}

}
