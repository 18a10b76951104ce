package io.streamplane.app.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.streamplane.app.testing.ContainerConnections;
import io.streamplane.app.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Standalone mode starts what nothing else connects, ties it to the context and stops it after.
 * <p>
 * Embedded by nature: it starts standalone's own broker and database, so it runs on the embedded path
 * whatever {@code -Pcontainers} says.
 */
class StandaloneRunListenerIT {

	@Test
	void shouldStartInfrastructureBeforeContextAndStopItAfterContextCloses() throws IOException {
		Path dataDir = TestInfrastructure.newDataDir();
		int[] ports = TestInfrastructure.freePorts(3);
		int kafkaPort = ports[0];
		int postgresPort = ports[2];
		String[] args = args(dataDir, kafkaPort, ports[1], postgresPort);
		try (ConfigurableApplicationContext context = application().run(args)) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:" + kafkaPort);
			assertThat(environment.getProperty("spring.datasource.url"))
				.isEqualTo("jdbc:postgresql://localhost:" + postgresPort + "/streamplane");
			assertThat(environment.getProperty("streamplane.security.admin-token"))
				.isEqualTo(Files.readString(dataDir.resolve("admin-token")).strip());
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token"))))
				.isEqualTo("rw-------");
			assertThat(context.containsBean(StandaloneInfrastructure.BEAN_NAME)).isTrue();
			assertThat(environment.getProperty("streamplane.engine.state-dir"))
				.isEqualTo(dataDir.resolve("engine").toString());
			assertThat(environment.getProperty("streamplane.feature-server.data-dir"))
				.isEqualTo(dataDir.resolve("features").toString());

			assertThatExceptionOfType(StandaloneException.class).isThrownBy(() -> application().run(args))
				.satisfies((ex) -> {
					assertThat(ex).hasMessageContaining(dataDir.toString()).hasMessageContaining("in use");
					assertThat(ex.action()).contains("--streamplane.standalone.data-dir=");
				});
		}
		assertThatNoException().isThrownBy(() -> DataDirectoryLock.acquire(dataDir).close());
		assertPortFree(kafkaPort);
		assertPortFree(postgresPort);
	}

	@Test
	void shouldStayOffWhenKafkaAndDatabaseAreExternal() {
		try (ConfigurableApplicationContext context = application().run(
				"--spring.kafka.bootstrap-servers=" + TestInfrastructure.embedded().kafka().orElseThrow().bootstrapServers(),
				"--spring.datasource.url=jdbc:postgresql://localhost:1/none",
				"--streamplane.standalone.data-dir=" + TestInfrastructure.newDataDir())) {
			assertThat(context.containsBean(StandaloneInfrastructure.BEAN_NAME)).isFalse();
		}
	}

	@Test
	void shouldStayOffWhenConnectionDetailsBeansSayWhereKafkaAndDatabaseAre() {
		SpringApplication application = application();
		application.addInitializers(context -> {
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context;
			ContainerConnections.register(registry, "kafkaContainer", ContainerConnections.kafka("localhost:1"));
			ContainerConnections.register(registry, "postgresContainer",
					ContainerConnections.jdbc("jdbc:postgresql://localhost:1/none", "test", "test"));
		});
		try (ConfigurableApplicationContext context = application
			.run("--streamplane.standalone.data-dir=" + TestInfrastructure.newDataDir())) {
			assertThat(context.containsBean(StandaloneInfrastructure.BEAN_NAME)).isFalse();
			assertThat(context.getEnvironment().containsProperty("spring.kafka.bootstrap-servers")).isFalse();
			assertThat(context.getEnvironment().containsProperty("spring.datasource.url")).isFalse();
		}
	}

	@Test
	void shouldEmbedOnlyWhatNoConnectionDetailsBeanConnects() {
		Path dataDir = TestInfrastructure.newDataDir();
		int[] ports = TestInfrastructure.freePorts(3);
		SpringApplication application = new SpringApplication(ExternalDatabase.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		try (ConfigurableApplicationContext context = application.run(args(dataDir, ports[0], ports[1], ports[2]))) {
			StandaloneInfrastructure infrastructure = context.getBean(StandaloneInfrastructure.class);
			assertThat(infrastructure.kafka()).isPresent();
			assertThat(infrastructure.postgres()).isEmpty();
			assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))
				.isEqualTo("localhost:" + ports[0]);
			assertThat(context.getEnvironment().containsProperty("spring.datasource.url")).isFalse();
		}
	}

	@Test
	void shouldFailWithPropertyNameWhenValueIsInvalid() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> application().run("--streamplane.standalone.kafka-port=70000"))
			.havingRootCause()
			.isInstanceOf(StandaloneException.class)
			.withMessageContaining("streamplane.standalone.kafka-port=70000");
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setRegisterShutdownHook(false);
		return application;
	}

	private static String[] args(Path dataDir, int kafkaPort, int controllerPort, int postgresPort) {
		return new String[] { "--streamplane.standalone.data-dir=" + dataDir,
				"--streamplane.standalone.kafka-port=" + kafkaPort,
				"--streamplane.standalone.controller-port=" + controllerPort,
				"--streamplane.standalone.postgres-port=" + postgresPort };
	}

	private static void assertPortFree(int port) throws IOException {
		try (ServerSocket socket = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
			assertThat(socket.isBound()).isTrue();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

	/**
	 * A database elsewhere, as a connection details bean. Not a {@code @Configuration}, so that
	 * component scanning in {@code TestStreamplaneApplication} (test class path, no test filter) never
	 * picks it up.
	 */
	static class ExternalDatabase {

		@Bean
		JdbcConnectionDetails postgresContainerConnectionDetails() {
			return ContainerConnections.jdbc("jdbc:postgresql://localhost:1/none", "test", "test");
		}

	}

}
