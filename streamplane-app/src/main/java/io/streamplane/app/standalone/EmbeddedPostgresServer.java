package io.streamplane.app.standalone;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A real PostgreSQL 17 server in a child process, with {@code wal_level=logical} so that change
 * data capture works. The cluster lives in a data directory that survives restarts; the server
 * log goes to {@code postgres.log} next to it. Unlike the test defaults of the underlying library,
 * {@code fsync} and {@code synchronous_commit} stay on: committed data survives a crash. On start
 * it creates the application database if it does not exist yet. Connections are local only, as
 * superuser {@value #USER} without a password.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	/** The database Streamplane uses. */
	public static final String DATABASE = "streamplane";

	/** The superuser of the embedded cluster. */
	public static final String USER = "postgres";

	/**
	 * The server settings: {@code wal_level=logical} and room for replication slots and WAL senders for
	 * change data capture, {@code fsync} and {@code synchronous_commit} on. The container path of the
	 * tests runs its PostgreSQL with the same.
	 */
	public static final Map<String, String> SETTINGS = Map.of("wal_level", "logical", "max_replication_slots", "10",
			"max_wal_senders", "10", "fsync", "on", "synchronous_commit", "on");

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private boolean closed;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Initialises {@code dataDir} if it is new, starts PostgreSQL and creates {@value #DATABASE}.
	 * @param dataDir the cluster directory, created if absent
	 * @param port the port on localhost
	 */
	public static EmbeddedPostgresServer start(Path dataDir, int port) {
		long startedAt = System.nanoTime();
		Path log = dataDir.resolveSibling("postgres.log");
		EmbeddedPostgres postgres;
		try {
			Files.createDirectories(dataDir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setOutputRedirector(Redirect.appendTo(log.toFile()))
				.setErrorRedirector(Redirect.appendTo(log.toFile()));
			SETTINGS.forEach(builder::setServerConfig);
			postgres = builder.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new StandaloneException("The embedded PostgreSQL did not start on localhost:" + port
					+ " with data directory " + dataDir + ": " + ex.getMessage(),
					"See " + log + " for the server's own messages. Free the port with --"
							+ StandaloneProperties.PREFIX + ".postgres-port=..., or point Streamplane at an "
							+ "external database with --spring.datasource.url=jdbc:postgresql://host:5432/db.",
					ex);
		}
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
		server.createDatabaseIfAbsent();
		logger.info("Embedded PostgreSQL started on localhost:" + port + " in "
				+ (System.nanoTime() - startedAt) / 1_000_000 + " ms (data directory " + dataDir + ")");
		return server;
	}

	/** The JDBC URL of {@value #DATABASE}, without credentials. */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
	}

	/** The port on localhost. */
	public int port() {
		return postgres.getPort();
	}

	/** Stops PostgreSQL (fast shutdown) and waits for it. Idempotent. */
	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		try {
			postgres.close();
			logger.info("Embedded PostgreSQL on localhost:" + postgres.getPort() + " stopped");
		}
		catch (IOException ex) {
			logger.warn("Embedded PostgreSQL on localhost:" + postgres.getPort() + " did not stop cleanly", ex);
		}
	}

	private void createDatabaseIfAbsent() {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, DATABASE);
			try (ResultSet result = exists.executeQuery()) {
				if (result.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("CREATE DATABASE " + DATABASE);
			}
		}
		catch (SQLException ex) {
			close();
			throw new StandaloneException("Could not create the database " + DATABASE + " in the embedded PostgreSQL: "
					+ ex.getMessage(), "Check the server log next to the data directory, or delete the directory "
							+ "to start with an empty database.",
					ex);
		}
	}

}
