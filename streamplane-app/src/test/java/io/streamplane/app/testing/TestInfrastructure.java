package io.streamplane.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.streamplane.app.standalone.StandaloneInfrastructure;
import io.streamplane.app.standalone.StandaloneInfrastructure.Component;
import io.streamplane.app.standalone.StandaloneProperties;

import org.springframework.util.FileSystemUtils;

/**
 * The one embedded Kafka broker and PostgreSQL shared by every integration test in a test JVM:
 * the production {@link StandaloneInfrastructure}, started on first use in a temporary data
 * directory on free ports, and stopped (and its directory deleted) when the JVM exits.
 * <p>
 * Tests that need the whole application extend {@link StreamplaneIntegrationTest}; tests of a
 * single component use {@link #get()} directly, and tests that must restart their own servers use
 * {@link #newDataDir()} and {@link #freePort()}.
 */
public final class TestInfrastructure {

	private static StandaloneInfrastructure shared;

	private TestInfrastructure() {
	}

	/** The shared infrastructure, started on the first call. */
	public static synchronized StandaloneInfrastructure get() {
		if (shared == null) {
			Path dataDir = createTempDirectory();
			int[] ports = freePorts(3);
			shared = StandaloneInfrastructure.start(
					StandaloneProperties.defaults().withDataDir(dataDir).withPorts(ports[0], ports[1], ports[2]),
					EnumSet.allOf(Component.class));
			StandaloneInfrastructure started = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.close();
				delete(dataDir);
			}, "streamplane-test-infrastructure-stop"));
		}
		return shared;
	}

	/**
	 * The Spring properties that point an application at the shared infrastructure:
	 * {@code spring.kafka.bootstrap-servers} and {@code spring.datasource.url}, {@code username}
	 * and {@code password}.
	 */
	public static Map<String, Object> connectionProperties() {
		return get().connectionProperties();
	}

	/** The shared broker's {@code bootstrap.servers}. */
	public static String bootstrapServers() {
		return get().kafka().orElseThrow().bootstrapServers();
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
