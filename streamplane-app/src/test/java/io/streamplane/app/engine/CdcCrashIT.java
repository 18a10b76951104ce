package io.streamplane.app.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.streamplane.app.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No change lost across a crash: the engine JVM capturing a table is killed ({@code kill -9})
 * while 10,000 rows are inserted and updated; a second engine takes over the capture, and the
 * topic's final state per key equals the table.
 */
class CdcCrashIT {

	private static final String TOPIC = "sp.cdc." + CdcTopic.SCHEMA + ".cdc_crash";

	private static final int ROWS = 10_000;

	private static final Duration WAIT = Duration.ofSeconds(180);

	@Test
	void shouldCaptureEveryCommittedChangeWhenTheCapturingEngineIsKilled() throws Exception {
		execute("DROP TABLE IF EXISTS cdc_crash", "CREATE TABLE cdc_crash (id int PRIMARY KEY, v int NOT NULL, note text)",
				"INSERT INTO cdc_crash SELECT g, 0, 'seed' FROM generate_series(-99, 0) g");
		Path logs = Path.of("target", "cdc-crash-it");
		AtomicInteger written = new AtomicInteger();
		try (CdcTopic topic = new CdcTopic(TOPIC)) {
			Thread writer;
			try (EngineProcess first = engine("cdc-engine-1", logs.resolve("engine-1.log"))) {
				await().atMost(WAIT).until(() -> {
					topic.poll(Duration.ofMillis(200));
					return topic.table().size() >= 100;
				});
				writer = Thread.ofPlatform().name("cdc-crash-writer").start(() -> write(written));
				await().atMost(WAIT).until(() -> written.get() >= ROWS / 3);
				first.kill();
			}
			int writtenAtKill = written.get();
			try (EngineProcess second = engine("cdc-engine-2", logs.resolve("engine-2.log"))) {
				writer.join(WAIT.toMillis());
				assertThat(writtenAtKill).as("killed while writing").isLessThan(ROWS);
				assertThat(written.get()).as("rows written").isEqualTo(ROWS);
				Map<String, String> expected = tableState();
				await().atMost(WAIT).untilAsserted(() -> {
					topic.poll(Duration.ofMillis(500));
					assertThat(topic.table()).as("final state per key; engine logs in %s", logs)
						.containsExactlyInAnyOrderEntriesOf(expected);
				});
			}
		}
	}

	private static EngineProcess engine(String instanceId, Path log) {
		Map<String, Object> db = TestInfrastructure.connectionProperties();
		return EngineProcess.start(TestInfrastructure.bootstrapServers(), instanceId, TestInfrastructure.newDataDir(),
				log, Map.of("streamplane.engine.cdc.tables", CdcTopic.SCHEMA + ".cdc_crash", "streamplane.engine.cdc.url",
						(String) db.get("spring.datasource.url"), "streamplane.engine.cdc.username",
						(String) db.get("spring.datasource.username"), "streamplane.engine.cdc.leader-topic",
						"it.crash.leader", "streamplane.engine.cdc.offsets-topic", "it.crash.offsets",
						"streamplane.engine.cdc.session-timeout", "6s", "streamplane.engine.cdc.heartbeat-table",
						CdcTopic.SCHEMA + ".streamplane_cdc_heartbeat"));
	}

	/** Inserts rows 1..ROWS, each in a transaction with an update of an earlier row. */
	private static void write(AtomicInteger written) {
		try (Connection connection = CdcTopic.database();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO cdc_crash VALUES (?, 0, ?)");
				PreparedStatement update = connection
					.prepareStatement("UPDATE cdc_crash SET v = v + 1, note = ? WHERE id = ?")) {
			connection.setAutoCommit(false);
			for (int id = 1; id <= ROWS; id++) {
				insert.setInt(1, id);
				insert.setString(2, "n" + id);
				insert.executeUpdate();
				update.setString(1, "u" + id);
				update.setInt(2, id / 2);
				update.executeUpdate();
				connection.commit();
				written.set(id);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> tableState() throws SQLException {
		Map<String, String> state = new HashMap<>();
		try (Connection connection = CdcTopic.database(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id, v, note FROM cdc_crash")) {
			while (rows.next()) {
				state.put("{\"id\":" + rows.getInt(1) + "}", "{\"id\":" + rows.getInt(1) + ",\"v\":" + rows.getInt(2)
						+ ",\"note\":\"" + rows.getString(3) + "\"}");
			}
		}
		return state;
	}

	private static void execute(String... statements) throws SQLException {
		try (Connection connection = CdcTopic.database(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
