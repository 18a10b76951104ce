package io.streamplane.app.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.streamplane.app.standalone.EmbeddedKafkaBroker;
import io.streamplane.app.standalone.EmbeddedPostgresServer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers of the container path, set up like standalone's embedded servers: a one-node KRaft
 * broker of the official {@code apache/kafka} image, at the version of the Kafka client library
 * (which Spring Boot manages), with {@link EmbeddedKafkaBroker#SETTINGS}; PostgreSQL 17 of the
 * official {@code postgres} image with {@link EmbeddedPostgresServer#SETTINGS} ({@code wal_level=logical}
 * for change data capture) and the database {@value EmbeddedPostgresServer#DATABASE}. Not started:
 * {@link TestInfrastructure} starts the ones the integration tests share, Spring Boot those of
 * {@code TestStreamplaneApplication}.
 */
public final class StreamplaneContainers {

	/** The PostgreSQL image: the major version the embedded PostgreSQL runs. */
	public static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:17");

	private StreamplaneContainers() {
	}

	/** The {@code apache/kafka} image of the Kafka version on the class path. */
	public static DockerImageName kafkaImage() {
		return DockerImageName.parse("apache/kafka").withTag(AppInfoParser.getVersion());
	}

	/** A Kafka container with the embedded broker's settings. */
	public static KafkaContainer kafka() {
		KafkaContainer kafka = new KafkaContainer(kafkaImage());
		EmbeddedKafkaBroker.SETTINGS.forEach((name, value) -> kafka.withEnv(environmentVariable(name), value));
		return kafka;
	}

	/** A PostgreSQL container with the embedded server's settings. */
	public static PostgreSQLContainer postgres() {
		PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
			.withDatabaseName(EmbeddedPostgresServer.DATABASE);
		postgres.setCommand(postgresCommand().toArray(String[]::new));
		return postgres;
	}

	/** {@code postgres -c name=value ...} with the embedded server's settings. */
	static List<String> postgresCommand() {
		List<String> command = new ArrayList<>(List.of("postgres"));
		EmbeddedPostgresServer.SETTINGS.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
		return command;
	}

	/**
	 * The environment variable through which the {@code apache/kafka} image takes a broker setting:
	 * {@code KAFKA_} then the name in capitals with dots as underscores.
	 */
	static String environmentVariable(String setting) {
		return "KAFKA_" + setting.toUpperCase(Locale.ROOT).replace('.', '_');
	}

}
