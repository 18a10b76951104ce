package io.streamplane.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import io.streamplane.app.standalone.AdminToken;
import io.streamplane.features.serving.ServingServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * Streamplane against Kafka and PostgreSQL in containers ({@link TestcontainersConfiguration}), for
 * development on a machine with Docker: {@code ./mvnw spring-boot:test-run -pl streamplane-app}, or run
 * this class from the IDE. Every role runs, as with {@code java -jar}; the containers and the local
 * state are new on each run: the engine's and the feature server's data and the admin token go to a
 * new temporary directory, deleted on exit, whose token file the log names (set
 * {@code streamplane.security.admin-token} to use a token of your own).
 */
public class TestStreamplaneApplication {

	/**
	 * Starts {@link StreamplaneApplication#main} with the containers.
	 * @param args command-line arguments, as for {@code java -jar}
	 */
	public static void main(String[] args) {
		SpringApplication.from(StreamplaneApplication::main)
			.with(TestcontainersConfiguration.class, LocalRun.class)
			.run(args);
	}

	/** The local state of one run, in a new temporary directory, and the message that says where things are. */
	@TestConfiguration(proxyBeanMethods = false)
	static class LocalRun {

		private static final Log logger = LogFactory.getLog(TestStreamplaneApplication.class);

		private final Path directory = createTempDirectory();

		@Bean
		DynamicPropertyRegistrar localRunProperties(Environment environment) {
			return registry -> {
				addUnlessSet(environment, registry, AdminToken.PROPERTY, () -> AdminToken.readOrCreate(directory));
				addUnlessSet(environment, registry, "streamplane.engine.state-dir",
						() -> directory.resolve("engine").toString());
				addUnlessSet(environment, registry, "streamplane.feature-server.data-dir",
						() -> directory.resolve("features").toString());
				addUnlessSet(environment, registry, "streamplane.rag-indexer.data-dir",
						() -> directory.resolve("indexes").toString());
			};
		}

		@Bean
		ApplicationListener<ApplicationReadyEvent> localRunBanner(KafkaConnectionDetails kafka,
				JdbcConnectionDetails database) {
			return event -> {
				Environment environment = event.getApplicationContext().getEnvironment();
				logger.info("Streamplane is ready on containers (data in " + directory + ")"
						+ "\n  Web console and API: http://localhost:" + environment.getProperty("local.server.port")
						+ "\n  Feature serving:     http://localhost:" + environment.getProperty(ServingServer.LOCAL_PORT)
						+ "\n  Kafka:               " + String.join(",", kafka.getBootstrapServers())
						+ "\n  PostgreSQL:          " + ConnectionUrls.withoutCredentials(database.getJdbcUrl())
						+ (Files.exists(directory.resolve(AdminToken.FILE_NAME))
								? "\n  Admin token:         $(cat " + directory.resolve(AdminToken.FILE_NAME) + ")"
								: ""));
			};
		}

		private static void addUnlessSet(Environment environment,
				DynamicPropertyRegistry registry, String name,
				Supplier<Object> value) {
			if (!environment.containsProperty(name)) {
				registry.add(name, value);
			}
		}

		/** A new directory, deleted when the JVM exits: the next run starts with new containers too. */
		private static Path createTempDirectory() {
			try {
				Path directory = Files.createTempDirectory("streamplane-test-run-");
				Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "streamplane-test-run-delete"));
				return directory;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void delete(Path directory) {
			try {
				FileSystemUtils.deleteRecursively(directory);
			}
			catch (IOException ex) {
				// a temporary directory left behind is harmless
			}
		}

	}

}
