package io.streamplane.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.streamplane.app.standalone.EmbeddedKafkaBroker;
import io.streamplane.protocol.WritableTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The one broker every variant runs against: Streamplane's embedded Kafka broker on free loopback
 * ports and a fresh temporary directory, which {@link #close()} deletes.
 */
public final class BenchmarkCluster implements AutoCloseable {

	private static final Duration WRITABLE_TIMEOUT = Duration.ofSeconds(60);

	private final Path directory;

	private final EmbeddedKafkaBroker broker;

	private final Admin admin;

	private BenchmarkCluster(Path directory, EmbeddedKafkaBroker broker) {
		this.directory = directory;
		this.broker = broker;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
	}

	public static BenchmarkCluster start() {
		Path directory;
		try {
			directory = Files.createTempDirectory("streamplane-benchmark-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory for the benchmark broker", ex);
		}
		try {
			int[] ports = freePorts();
			return new BenchmarkCluster(directory,
					EmbeddedKafkaBroker.start(directory.resolve("kafka"), ports[0], ports[1]));
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			delete(directory);
			throw new BenchmarkException("Could not start the benchmark broker: " + ex, ex);
		}
	}

	public String bootstrapServers() {
		return broker.bootstrapServers();
	}

	/** A fresh state directory for the Kafka Streams application {@code applicationId}. */
	public Path stateDirectory(String applicationId) {
		return directory.resolve("state").resolve(applicationId);
	}

	/** A directory for other servers of the run, e.g. PostgreSQL, deleted with the broker's. */
	public Path directory(String name) {
		return directory.resolve(name);
	}

	/** A free loopback port. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = bound()) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Creates the topics that do not exist yet, each with {@code partitions} partitions, and waits until every
	 * partition accepts writes ({@link WritableTopics}: a producer that writes too early can drop a batch).
	 */
	public void createTopics(int partitions, Collection<String> topics) {
		List<NewTopic> newTopics = topics.stream()
			.distinct()
			.map(topic -> new NewTopic(topic, partitions, (short) 1))
			.toList();
		admin.createTopics(newTopics).values().forEach((topic, created) -> {
			try {
				created.get();
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw new BenchmarkException("Could not create the topic " + topic + ": " + ex.getCause(), ex);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BenchmarkException("Interrupted while creating the topic " + topic, ex);
			}
		});
		WritableTopics.await(admin, newTopics.stream().map(NewTopic::name).toList(), WRITABLE_TIMEOUT);
	}

	/** The number of records ever written to {@code topic}: the sum of its partitions' end offsets. */
	public long recordsIn(String topic) {
		try {
			int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
			Map<TopicPartition, OffsetSpec> latest = Stream.iterate(0, p -> p + 1)
				.limit(partitions)
				.collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
			return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new BenchmarkException("Could not read the end offsets of " + topic + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		admin.close();
		broker.close();
		delete(directory);
	}

	private static void delete(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + directory, ex);
		}
	}

	/** Two distinct free loopback ports: both sockets are bound at once, so the system cannot hand out one twice. */
	private static int[] freePorts() throws IOException {
		try (ServerSocket first = bound(); ServerSocket second = bound()) {
			return new int[] { first.getLocalPort(), second.getLocalPort() };
		}
	}

	private static ServerSocket bound() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		return socket;
	}

}
