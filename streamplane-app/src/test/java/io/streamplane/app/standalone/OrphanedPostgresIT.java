package io.streamplane.app.standalone;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.standalone.StandaloneInfrastructure.Component;
import io.streamplane.app.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart after {@code kill -9} works although the killed process left PostgreSQL running.
 * <p>
 * Embedded by nature: it tests standalone's own PostgreSQL, so it runs on the embedded path whatever
 * {@code -Pcontainers} says.
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

	/**
	 * Starts a Streamplane process whose standalone mode embeds only PostgreSQL (its Kafka is external and
	 * never reached), then kills it with SIGKILL once PostgreSQL is up: the server lives on.
	 */
	private static void killAfterStartingPostgres(Path dataDir, int port) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process owner = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				StreamplaneApplication.class.getName(), "--streamplane.roles=engine", "--server.port=0",
				"--spring.kafka.bootstrap-servers=localhost:1", "--streamplane.standalone.data-dir=" + dataDir,
				"--streamplane.standalone.postgres-port=" + port)
			.redirectErrorStream(true)
			.start();
		String ready = "Embedded PostgreSQL started on localhost:" + port;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null && !line.contains(ready)) {
				// skip the owner's other log lines
			}
			assertThat(line).as("the owner process started PostgreSQL").contains(ready);
		}
		finally {
			owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

}
