package io.streamplane.app.standalone;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.streamplane.app.standalone.StandaloneInfrastructure.Component;
import io.streamplane.app.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart after {@code kill -9} works although the killed process left PostgreSQL running.
 * <p>
 * Embedded by nature: it tests standalone's own PostgreSQL, so it runs on the embedded path whatever {@code -Pcontainers} says.
 */

class OrphanedPostgresIT {

	@Test
	void shouldStopAPostgresLeftRunningByAKilledInstanceAndStart() throws Exception {
		Path dataDir = TestInfrastructure.newDataDir();
		int[] ports = TestInfrastructure.freePorts(3);
		int port = ports[2];
		killAfterStartingPostgres(dataDir, port);
		StandaloneProperties properties = StandaloneProperties.defaults()
			.withDataDir(dataDir)
			.withPorts(ports[0], ports[1], port);

		try (StandaloneInfrastructure restarted = StandaloneInfrastructure.start(properties, Set.of(Component.POSTGRES));
				Connection connection = DriverManager.getConnection(
						"jdbc:postgresql://localhost:" + port + "/" + EmbeddedPostgresServer.DATABASE,
						EmbeddedPostgresServer.USER, "")) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

	/** Starts PostgreSQL from another JVM, then kills that JVM with SIGKILL: its server lives on. */
	private static void killAfterStartingPostgres(Path dataDir, int port) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process owner = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				PostgresOwner.class.getName(), dataDir.resolve("postgres").toString(), Integer.toString(port))
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null && !line.equals(PostgresOwner.READY)) {
				// skip the owner's log lines
			}
			assertThat(line).as("the owner process started PostgreSQL").isEqualTo(PostgresOwner.READY);
		}
		owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	/** Main of the process that is killed: starts PostgreSQL and waits. */
	public static final class PostgresOwner {

		static final String READY = "postgres-ready";

		public static void main(String[] args) throws InterruptedException {
			EmbeddedPostgresServer.start(Path.of(args[0]), Integer.parseInt(args[1]));
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
