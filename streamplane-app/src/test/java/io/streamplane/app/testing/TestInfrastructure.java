package io.streamplane.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.streamplane.app.standalone.StandaloneInfrastructure;
import io.streamplane.app.standalone.StandaloneInfrastructure.Component;
import io.streamplane.app.standalone.StandaloneProperties;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * The one Kafka broker and PostgreSQL shared by every integration test in a test JVM, on one of two
 * backends chosen by {@value #BACKEND_PROPERTY}:
 * <ul>
 * <li>{@code embedded} (the default, what CI runs): the production {@link StandaloneInfrastructure},
 * started on first use in a temporary data directory on free ports, and stopped (and its directory
 * deleted) when the JVM exits;</li>
 * <li>{@code containers} ({@code ./mvnw verify -Pcontainers}): Kafka and PostgreSQL in containers
 * ({@link StreamplaneContainers}), which Spring contexts reach through connection details beans as with
 * {@code @ServiceConnection}. Without Docker, the tests that use them are skipped with a message naming
 * the switch ({@link SharedInfrastructureCondition}).</li>
 * </ul>
 * Tests that need the whole application extend {@link StreamplaneIntegrationTest}; tests of a single
 * component use {@link #bootstrapServers()} and {@link #connectionProperties()}; tests of the embedded
 * servers themselves use {@link #embedded()}, and tests that must restart their own servers use
 * {@link #newDataDir()} and {@link #freePort()}: those run on the embedded path whatever the switch.
 */
public final class TestInfrastructure {

	/** The system property that chooses the backend: {@code embedded} (the default) or {@code containers}. */
	public static final String BACKEND_PROPERTY = "streamplane.test.infrastructure";

	/** The value of {@value #BACKEND_PROPERTY} that selects the container path. */
	public static final String CONTAINERS = "containers";

	private static final String EMBEDDED = "embedded";

	/**
	 * How long a test waits for topics it created to accept writes
	 * ({@link io.streamplane.protocol.WritableTopics}): long, for a machine busy with other builds.
	 */
	public static final Duration WRITABLE = Duration.ofSeconds(60);

	private static StandaloneInfrastructure embedded;

	private static SharedContainers containers;

	private static Boolean dockerAvailable;

	private TestInfrastructure() {
	}

	/**
	 * Whether {@value #BACKEND_PROPERTY} selects the container path.
	 * @throws IllegalStateException when it names no backend
	 */
	public static boolean onContainers() {
		String backend = System.getProperty(BACKEND_PROPERTY, EMBEDDED);
		return switch (backend) {
			case EMBEDDED -> false;
			case CONTAINERS -> true;
			default -> throw new IllegalStateException("-D" + BACKEND_PROPERTY + "=" + backend
					+ " names no test infrastructure; use " + EMBEDDED + " (the default) or " + CONTAINERS
					+ " (what -Pcontainers sets)");
		};
	}

	/**
	 * Why the shared infrastructure cannot run here, if it cannot: the container path without Docker.
	 */
	public static synchronized Optional<String> unavailable() {
		if (!onContainers()) {
			return Optional.empty();
		}
		if (dockerAvailable == null) {
			dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
		}
		return dockerAvailable ? Optional.empty() : Optional.of("Docker is not available, and the shared Kafka and "
				+ "PostgreSQL of the integration tests are to run in containers (-Pcontainers, i.e. -D"
				+ BACKEND_PROPERTY + "=" + CONTAINERS + "): start Docker, or run without -Pcontainers for the "
				+ "embedded broker and database");
	}

	/** The shared embedded infrastructure, started on the first call, whichever backend is chosen. */
	public static synchronized StandaloneInfrastructure embedded() {
		if (embedded == null) {
			Path dataDir = createTempDirectory();
			int[] ports = freePorts(3);
			embedded = StandaloneInfrastructure.start(
					StandaloneProperties.defaults().withDataDir(dataDir).withPorts(ports[0], ports[1], ports[2]),
					EnumSet.allOf(Component.class));
			StandaloneInfrastructure started = embedded;
			// after the test contexts close (a JVM hook of its own would stop the broker under closing
			// engines, which then wait out their close timeouts for a broker that is gone)
			SpringApplication.getShutdownHandlers().add(() -> {
				started.close();
				delete(dataDir);
			});
		}
		return embedded;
	}

	/**
	 * The shared containers, started on the first call. Aborts the calling test, which JUnit reports
	 * as skipped with the reason, when Docker is not available.
	 */
	static synchronized SharedContainers containers() {
		unavailable().ifPresent(Assumptions::abort);
		if (containers == null) {
			containers = SharedContainers.start();
			SpringApplication.getShutdownHandlers().add(containers::close);
		}
		return containers;
	}

	/**
	 * The Spring properties that point an application at the shared infrastructure:
	 * {@code spring.kafka.bootstrap-servers} and {@code spring.datasource.url}, {@code username}
	 * and {@code password}.
	 */
	public static Map<String, Object> connectionProperties() {
		return onContainers() ? containers().connectionProperties() : embedded().connectionProperties();
	}

	/** The shared broker's {@code bootstrap.servers}. */
	public static String bootstrapServers() {
		return (String) connectionProperties().get("spring.kafka.bootstrap-servers");
	}

	/**
	 * A new empty directory, deleted when the JVM exits. Servers started in it must be stopped by
	 * the test itself.
	 */
	public static Path newDataDir() {
		Path dir = createTempDirectory();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "streamplane-test-dir-delete"));
		return dir;
	}

	/** A TCP port on the loopback interface that was free a moment ago. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code count} different TCP ports on the loopback interface that were free a moment ago: each is held
	 * until all are found, so the OS cannot hand out one twice (calls of {@link #freePort()} in a row can).
	 */
	public static int[] freePorts(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				sockets.add(new ServerSocket(0, 0, InetAddress.getLoopbackAddress()));
			}
			return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			sockets.forEach(TestInfrastructure::closeQuietly);
		}
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// a probe socket; nothing to clean up
		}
	}

	private static Path createTempDirectory() {
		try {
			return Files.createTempDirectory("streamplane-it-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) {
		try {
			FileSystemUtils.deleteRecursively(dir);
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
