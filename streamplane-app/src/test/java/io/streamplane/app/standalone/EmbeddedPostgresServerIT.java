package io.streamplane.app.standalone;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.streamplane.app.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL runs with logical replication and keeps its data across restarts.
 * <p>
 * Embedded by nature: it tests the embedded PostgreSQL, so it runs on the embedded path whatever
 * {@code -Pcontainers} says.
 */
class EmbeddedPostgresServerIT {

	@Test
	void shouldRunWithLogicalReplicationSoThatCdcWorks() throws SQLException {
		String url = TestInfrastructure.embedded().postgres().orElseThrow().jdbcUrl();
		assertThat(queryString(url, "SHOW wal_level")).isEqualTo("logical");
		assertThat(queryString(url, "SELECT current_database()")).isEqualTo(EmbeddedPostgresServer.DATABASE);
	}

	@Test
	void shouldKeepDataWhenRestartedOnSameDataDirectory() throws SQLException {
		Path dataDir = TestInfrastructure.newDataDir().resolve("postgres");
		int port = TestInfrastructure.freePort();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, port);
				Connection connection = connect(server.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE pipelines (name text PRIMARY KEY)");
			statement.execute("INSERT INTO pipelines VALUES ('merchant-revenue')");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, port)) {
			assertThat(queryString(server.jdbcUrl(), "SELECT name FROM pipelines")).isEqualTo("merchant-revenue");
		}
	}

	private static String queryString(String url, String sql) throws SQLException {
		try (Connection connection = connect(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
	}

}
