package io.streamplane.app.standalone;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded infrastructure of one standalone instance: a lock on its data directory and the
 * embedded Kafka broker and/or PostgreSQL it was asked to run. The same class serves the
 * application and its integration tests.
 */
public final class StandaloneInfrastructure implements AutoCloseable {

	/** The name under which the running infrastructure is registered in the application context. */
	public static final String BEAN_NAME = "streamplaneStandaloneInfrastructure";

	/** A piece of infrastructure that standalone mode can embed. */
	public enum Component {

		/** The Kafka broker, replacing {@code spring.kafka.bootstrap-servers}. */
		KAFKA,

		/** PostgreSQL, replacing {@code spring.datasource.url}. */
		POSTGRES

	}

	private final Path dataDir;

	private final DataDirectoryLock lock;

	private final EmbeddedKafkaBroker kafka;

	private final EmbeddedPostgresServer postgres;

	private boolean closed;

	private StandaloneInfrastructure(Path dataDir, DataDirectoryLock lock, EmbeddedKafkaBroker kafka,
			EmbeddedPostgresServer postgres) {
		this.dataDir = dataDir;
		this.lock = lock;
		this.kafka = kafka;
		this.postgres = postgres;
	}

	/**
	 * Locks the data directory, checks the ports, then starts the requested components in parallel
	 * and returns once all of them serve clients. On failure, whatever was started is stopped.
	 * @throws StandaloneException if the directory is in use, a port is taken or a server fails
	 */
	public static StandaloneInfrastructure start(StandaloneProperties properties, Set<Component> components) {
		Path dataDir = properties.dataDir();
		DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
		try {
			if (components.contains(Component.KAFKA)) {
				Ports.requireFree(properties.kafkaPort(), "kafka-port", "the embedded Kafka broker");
				Ports.requireFree(properties.controllerPort(), "controller-port", "the embedded Kafka controller");
			}
			if (components.contains(Component.POSTGRES)) {
				OrphanedPostgres.stop(dataDir.resolve("postgres"));
				Ports.requireFree(properties.postgresPort(), "postgres-port", "the embedded PostgreSQL");
			}
			CompletableFuture<EmbeddedPostgresServer> postgres = components.contains(Component.POSTGRES)
					? CompletableFuture.supplyAsync(
							() -> EmbeddedPostgresServer.start(dataDir.resolve("postgres"), properties.postgresPort()),
							task -> new Thread(task, "streamplane-postgres-start").start())
					: CompletableFuture.completedFuture(null);
			EmbeddedKafkaBroker kafka = startKafka(properties, components, postgres);
			return new StandaloneInfrastructure(dataDir, lock, kafka, await(postgres, kafka));
		}
		catch (RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	private static EmbeddedKafkaBroker startKafka(StandaloneProperties properties, Set<Component> components,
			CompletableFuture<EmbeddedPostgresServer> postgres) {
		if (!components.contains(Component.KAFKA)) {
			return null;
		}
		try {
			return EmbeddedKafkaBroker.start(properties.dataDir().resolve("kafka"), properties.kafkaPort(),
					properties.controllerPort());
		}
		catch (RuntimeException ex) {
			postgres.thenAccept(server -> {
				if (server != null) {
					server.close();
				}
			}).exceptionally(failure -> null).join();
			throw ex;
		}
	}

	private static EmbeddedPostgresServer await(CompletableFuture<EmbeddedPostgresServer> postgres,
			EmbeddedKafkaBroker kafka) {
		try {
			return postgres.join();
		}
		catch (CompletionException ex) {
			if (kafka != null) {
				kafka.close();
			}
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/** The locked data directory, absolute. */
	public Path dataDir() {
		return dataDir;
	}

	/** The embedded broker, if this instance runs one. */
	public Optional<EmbeddedKafkaBroker> kafka() {
		return Optional.ofNullable(kafka);
	}

	/** The embedded PostgreSQL, if this instance runs one. */
	public Optional<EmbeddedPostgresServer> postgres() {
		return Optional.ofNullable(postgres);
	}

	/**
	 * The Spring properties that connect an application to the embedded components:
	 * {@code spring.kafka.bootstrap-servers} and {@code spring.datasource.url}, {@code username}
	 * and {@code password}, each only for a component that runs.
	 */
	public Map<String, Object> connectionProperties() {
		return connectionProperties(kafka().map(EmbeddedKafkaBroker::bootstrapServers),
				postgres().map(EmbeddedPostgresServer::jdbcUrl));
	}

	/**
	 * The Spring properties that connect an application to an embedded broker and PostgreSQL at these
	 * addresses, as {@link #connectionProperties()} gives them for the running ones.
	 * @param bootstrapServers the embedded broker's, if one runs
	 * @param jdbcUrl the embedded PostgreSQL's, if one runs
	 */
	public static Map<String, Object> connectionProperties(Optional<String> bootstrapServers,
			Optional<String> jdbcUrl) {
		Map<String, Object> properties = new LinkedHashMap<>();
		bootstrapServers.ifPresent(servers -> properties.put("spring.kafka.bootstrap-servers", servers));
		jdbcUrl.ifPresent(url -> {
			properties.put("spring.datasource.url", url);
			properties.put("spring.datasource.username", EmbeddedPostgresServer.USER);
			properties.put("spring.datasource.password", "");
		});
		return properties;
	}

	/** Stops the components, then releases the data directory. Idempotent. */
	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		try {
			if (kafka != null) {
				kafka.close();
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
			lock.close();
		}
	}

}
