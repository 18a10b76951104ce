package io.streamplane.app.standalone;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in this JVM: one KRaft node in combined mode (broker and controller,
 * node id 1) on localhost. The log directory is formatted on first start and reused afterwards, so
 * topics and committed offsets survive a restart. Settings suit a single node: replication factor
 * and minimum ISR 1 for internal topics, no initial rebalance delay. As on a stock broker, producing
 * to a topic that does not exist creates it (one partition), so a first try needs no set-up.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(EmbeddedKafkaBroker.class);

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	/** Bytes each partition keeps (its newest), whatever the records' timestamps. */
	static final long RETENTION_BYTES_PER_PARTITION = 1L << 30;

	/**
	 * The broker's settings beyond its listeners and log directory, those of a single node: replication
	 * factor and minimum ISR 1, no initial rebalance delay, topics created on first use, retention by
	 * size (replays of old event times, such as the examples' 2026-01-01, keep their outputs instead of
	 * losing them to the 7-day default at the next retention check). The container path of the tests
	 * runs its broker with the same.
	 */
	public static final Map<String, String> SETTINGS = settings();

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private boolean closed;

	private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Formats {@code logDir} if it is new, starts the broker and returns once it serves clients.
	 * @param logDir the Kafka log directory, created if absent
	 * @param port the client (PLAINTEXT) port on localhost
	 * @param controllerPort the KRaft controller port on localhost
	 */
	public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort) {
		long startedAt = System.nanoTime();
		KafkaConfig config = new KafkaConfig(config(logDir, port, controllerPort));
		formatIfNew(logDir);
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		try {
			server.startup();
		}
		catch (RuntimeException ex) {
			server.shutdown();
			server.awaitShutdown();
			throw new StandaloneException("The embedded Kafka broker did not start on localhost:" + port
					+ " with log directory " + logDir + ": " + ex.getMessage(),
					"Check that the directory is writable and not a log directory of another Kafka cluster, or "
							+ "point Streamplane at an external Kafka with --spring.kafka.bootstrap-servers=host:9092.",
					ex);
		}
		EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, "localhost:" + port);
		logger.info("Embedded Kafka broker started on " + broker.bootstrapServers + " in "
				+ (System.nanoTime() - startedAt) / 1_000_000 + " ms (log directory " + logDir + ")");
		return broker;
	}

	/** The {@code bootstrap.servers} value clients use to reach this broker. */
	public String bootstrapServers() {
		return bootstrapServers;
	}

	/** Shuts the broker down (controlled shutdown) and waits until it has stopped. Idempotent. */
	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		server.shutdown();
		server.awaitShutdown();
		logger.info("Embedded Kafka broker on " + bootstrapServers + " stopped");
	}

	static Map<String, String> config(Path logDir, int port, int controllerPort) {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("process.roles", "broker,controller");
		config.put("node.id", String.valueOf(NODE_ID));
		config.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
		config.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:"
				+ controllerPort);
		config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
		config.put("controller.listener.names", CONTROLLER_LISTENER);
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		config.put("log.dirs", logDir.toString());
		config.putAll(SETTINGS);
		return config;
	}

	private static Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("num.partitions", "1");
		settings.put("default.replication.factor", "1");
		settings.put("min.insync.replicas", "1");
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		settings.put("group.initial.rebalance.delay.ms", "0");
		settings.put("auto.create.topics.enable", "true");
		settings.put("log.retention.ms", "-1");
		settings.put("log.retention.bytes", String.valueOf(RETENTION_BYTES_PER_PARTITION));
		return Collections.unmodifiableMap(settings);
	}

	private static void formatIfNew(Path logDir) {
		if (Files.exists(logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
			return;
		}
		try {
			new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
				.setNodeId(NODE_ID)
				.setClusterId(Uuid.randomUuid().toString())
				.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
				.setControllerListenerName(CONTROLLER_LISTENER)
				.setMetadataLogDirectory(logDir.toString())
				.addDirectory(logDir.toString())
				.run();
		}
		catch (Exception ex) {
			throw new StandaloneException("Could not format the Kafka log directory " + logDir + ": " + ex.getMessage(),
					"Make the directory writable, or delete it to start with an empty broker.", ex);
		}
	}

}
