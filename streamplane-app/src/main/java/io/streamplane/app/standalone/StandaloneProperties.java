package io.streamplane.app.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of standalone mode: the embedded Kafka broker and PostgreSQL that Streamplane starts
 * when no external ones are configured.
 *
 * @param enabled whether standalone mode may start embedded infrastructure at all; {@code false}
 * requires {@code spring.kafka.bootstrap-servers} and {@code spring.datasource.url}
 * @param dataDir directory holding the Kafka log ({@code kafka/}), the PostgreSQL cluster
 * ({@code postgres/}), the admin token and the lock that keeps a second instance out; relative
 * paths resolve against the working directory
 * @param kafkaPort TCP port of the embedded broker's client listener on localhost
 * @param controllerPort TCP port of the embedded KRaft controller listener on localhost
 * @param postgresPort TCP port of the embedded PostgreSQL on localhost
 */
@ConfigurationProperties(StandaloneProperties.PREFIX)
public record StandaloneProperties(@DefaultValue("true") boolean enabled, @DefaultValue("./data") Path dataDir,
		@DefaultValue("9092") int kafkaPort, @DefaultValue("9093") int controllerPort,
		@DefaultValue("5432") int postgresPort) {

	/** The prefix of every standalone property. */
	public static final String PREFIX = "streamplane.standalone";

	/**
	 * Validates every value and reports all problems at once.
	 * @throws StandaloneException naming each bad property, its value and the fix
	 */
	public StandaloneProperties {
		List<String> problems = new ArrayList<>();
		checkPort(problems, "kafka-port", kafkaPort);
		checkPort(problems, "controller-port", controllerPort);
		checkPort(problems, "postgres-port", postgresPort);
		if (kafkaPort == controllerPort || kafkaPort == postgresPort || controllerPort == postgresPort) {
			problems.add(PREFIX + ".kafka-port=" + kafkaPort + ", " + PREFIX + ".controller-port=" + controllerPort
					+ " and " + PREFIX + ".postgres-port=" + postgresPort + " must be three different ports");
		}
		if (dataDir == null || dataDir.toString().isBlank()) {
			problems.add(PREFIX + ".data-dir is empty; it must name a directory");
		}
		else if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
			problems.add(PREFIX + ".data-dir=" + dataDir + " is a file (" + dataDir.toAbsolutePath()
					+ "); it must be a directory or not exist yet");
		}
		if (!problems.isEmpty()) {
			throw new StandaloneException("Invalid standalone configuration:\n  - " + String.join("\n  - ", problems),
					"Correct the properties above, e.g. --" + PREFIX + ".kafka-port=19092 or --" + PREFIX
							+ ".data-dir=/var/lib/streamplane.");
		}
		dataDir = dataDir.toAbsolutePath().normalize();
	}

	/** The defaults: enabled, {@code ./data}, ports 9092, 9093 and 5432. */
	public static StandaloneProperties defaults() {
		return new StandaloneProperties(true, Path.of("data"), 9092, 9093, 5432);
	}

	/** A copy with another data directory. */
	public StandaloneProperties withDataDir(Path dataDir) {
		return new StandaloneProperties(enabled, dataDir, kafkaPort, controllerPort, postgresPort);
	}

	/** A copy with other ports. */
	public StandaloneProperties withPorts(int kafkaPort, int controllerPort, int postgresPort) {
		return new StandaloneProperties(enabled, dataDir, kafkaPort, controllerPort, postgresPort);
	}

	private static void checkPort(List<String> problems, String name, int port) {
		if (port < 1 || port > 65535) {
			problems.add(PREFIX + "." + name + "=" + port + " is not a TCP port; use a value from 1 to 65535");
		}
	}

}
