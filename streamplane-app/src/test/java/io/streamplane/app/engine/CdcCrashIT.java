package io.streamplane.app.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.streamplane.app.testing.SharedInfrastructureCondition;
import io.streamplane.app.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static io.streamplane.app.engine.CommittedProgress.awaitProgress;

/**
 * No change lost across a crash: a pipeline joins a PostgreSQL table, captured because the
 * pipeline's {@code postgresCdc} table demands it, with a Kafka table (foreign key); the engine JVM
 * capturing and running it is killed ({@code kill -9}) while 10,000 rows are inserted and updated;
 * a second engine takes over. Then the CDC topic's final state per key equals the table, and the
 * fold of the joined change stream (read committed) equals the table joined by hand.
 * <p>
 * The test runs its {@link OwnBroker own broker} (embedded whatever {@code -Pcontainers} says: the
 * crash is the engine's, not the broker's); the database is the shared one.
 */
@ExtendWith(SharedInfrastructureCondition.class)
class CdcCrashIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PIPELINE = "cdc-crash-join";

	private static final String TOPIC = "sp.cdc." + CdcTopic.SCHEMA + ".cdc_crash";

	private static final String LEVELS = "cdc-crash-levels";

	private static final String OUTPUT = "cdc-crash-labelled";

	private static final int ROWS = 10_000;

	private static OwnBroker broker;

	private static String bootstrapServers;

	@BeforeAll
	static void ownBroker() {
		broker = OwnBroker.start();
		bootstrapServers = broker.bootstrapServers();
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void shouldCaptureAndJoinEveryCommittedChangeWhenTheCapturingEngineIsKilled() throws Exception {
		execute("DROP TABLE IF EXISTS cdc_crash", "CREATE TABLE cdc_crash (id int PRIMARY KEY, v int NOT NULL, note text)",
				"INSERT INTO cdc_crash SELECT g, 0, 'seed' FROM generate_series(-99, 0) g");
		createTopicsAndPipeline();
		Path logs = Path.of("target", "cdc-crash-it");
		AtomicInteger written = new AtomicInteger();
		try (CdcTopic topic = new CdcTopic(bootstrapServers, TOPIC); CdcTopic output = new CdcTopic(bootstrapServers, OUTPUT)) {
			Thread writer;
			AtomicLong seen = new AtomicLong();
			try (EngineProcess first = engine("cdc-engine-1", logs.resolve("engine-1.log"))) {
				awaitProgress("the snapshot's 100 rows in " + TOPIC, () -> first.logSize() + seen.get(), () -> {
					seen.addAndGet(topic.poll(Duration.ofMillis(200)).size());
					return topic.table().size() >= 100;
				});
				writer = Thread.ofPlatform().name("cdc-crash-writer").start(() -> write(written));
				awaitProgress("a third of the rows written", written::get, () -> written.get() >= ROWS / 3);
				first.kill();
			}
			int writtenAtKill = written.get();
			try (EngineProcess second = engine("cdc-engine-2", logs.resolve("engine-2.log"))) {
				awaitProgress("every row written", written::get, () -> !writer.isAlive());
				assertThat(writtenAtKill).as("killed while writing").isLessThan(ROWS);
				assertThat(written.get()).as("rows written").isEqualTo(ROWS);
				Map<String, String> expected = tableState();
				awaitOrAssert(() -> second.logSize() + seen.get(), () -> {
					seen.addAndGet(topic.poll(Duration.ofMillis(500)).size());
					assertThat(topic.table()).as("CDC topic: final state per key; engine logs in %s", logs)
						.containsExactlyInAnyOrderEntriesOf(expected);
				});
				Map<String, JsonNode> joined = joinedByHand(expected);
				Map<String, JsonNode> folded = new HashMap<>();
				awaitOrAssert(() -> second.logSize() + seen.get(), () -> {
					List<ConsumerRecord<String, String>> changes = output.poll(Duration.ofMillis(500));
					seen.addAndGet(changes.size());
					changes.forEach(change -> foldOrFail(folded, change));
					assertThat(folded).as("joined output: the fold of its changes; engine logs in %s", logs)
						.containsExactlyInAnyOrderEntriesOf(joined);
				});
			}
		}
	}

	/**
	 * Runs {@code assertion} until it passes; fails with its last error once {@code progress} (records
	 * read, the engine's log) has stood still for {@link CommittedProgress#STALL}: a busy machine makes
	 * the test slower, never red.
	 */
	private static void awaitOrAssert(LongSupplier progress, Runnable assertion) {
		AssertionError[] last = { null };
		try {
			awaitProgress("the assertion to hold", progress, () -> {
				try {
					assertion.run();
					return true;
				}
				catch (AssertionError ex) {
					last[0] = ex;
					return false;
				}
			});
		}
		catch (AssertionError stalled) {
			if (last[0] != null) {
				last[0].addSuppressed(stalled);
				throw last[0];
			}
			throw stalled;
		}
	}

	private static void createTopicsAndPipeline() throws Exception {
		broker.createTopics(new NewTopic(LEVELS, Optional.of(1), Optional.empty()));
		List<ProducerRecord<String, String>> levels = new ArrayList<>();
		for (int v = 0; v < 10; v++) {
			levels.add(new ProducerRecord<>(LEVELS, "{\"v\":" + v + "}", "{\"v\":" + v + ",\"label\":\"level-" + v + "\"}"));
		}
		broker.produce(levels);
		broker.run("""
				name: %s
				tables:
				  rows: { postgresCdc: { table: %s.cdc_crash }, primaryKey: [id] }
				  levels: { kafka: { topic: %s }, primaryKey: [v] }
				transforms:
				  labelled:
				    from: rows
				    steps:
				      - join: { table: levels, on: v }
				      - select: [id, v, note, label]
				outputs:
				  - { from: labelled, kafka: { topic: %s } }
				""".formatted(PIPELINE, CdcTopic.SCHEMA, LEVELS, OUTPUT));
	}

	private static EngineProcess engine(String instanceId, Path log) {
		Map<String, Object> db = TestInfrastructure.connectionProperties();
		return EngineProcess.start(bootstrapServers, instanceId, TestInfrastructure.newDataDir(), log,
				Map.of("streamplane.engine.cdc.url", (String) db.get("spring.datasource.url"),
						"streamplane.engine.cdc.username", (String) db.get("spring.datasource.username"),
						"streamplane.engine.cdc.session-timeout", "6s", "streamplane.engine.cdc.heartbeat-table",
						CdcTopic.SCHEMA + ".streamplane_cdc_heartbeat"));
	}

	/** {@link #fold}, failing the test at once (not retried) when a retraction retracts another row. */
	private static void foldOrFail(Map<String, JsonNode> table, ConsumerRecord<String, String> change) {
		try {
			fold(table, change);
		}
		catch (AssertionError ex) {
			throw new IllegalStateException("wrong retraction at offset " + change.offset(), ex);
		}
	}

	/** Applies one change of the joined output: {@code +} puts the row under its key, {@code -} removes it. */
	private static void fold(Map<String, JsonNode> table, ConsumerRecord<String, String> change) {
		ObjectNode row = (ObjectNode) JSON.readTree(change.value());
		String op = row.remove("op").asString();
		if (op.equals("+")) {
			table.put(change.key(), row);
		}
		else {
			assertThat(table.remove(change.key())).as("a retraction retracts the row inserted last").isEqualTo(row);
		}
	}

	private static Map<String, JsonNode> joinedByHand(Map<String, String> rows) {
		Map<String, JsonNode> joined = new HashMap<>();
		rows.values().forEach(value -> {
			JsonNode row = JSON.readTree(value);
			joined.put(row.get("id").asString(), JSON.readTree("{\"id\":" + row.get("id").asInt() + ",\"v\":"
					+ row.get("v").asInt() + ",\"note\":\"" + row.get("note").asString() + "\",\"label\":\"level-"
					+ row.get("v").asInt() + "\"}"));
		});
		return joined;
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
