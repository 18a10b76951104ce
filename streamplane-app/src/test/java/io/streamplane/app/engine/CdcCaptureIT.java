package io.streamplane.app.engine;

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
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamplane.app.testing.SharedInfrastructureCondition;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.engine.cdc.CdcProperties;
import io.streamplane.engine.cdc.CdcTable;
import io.streamplane.engine.cdc.CdcTableStatus;
import io.streamplane.engine.cdc.internal.Database;
import io.streamplane.engine.cdc.internal.DefaultCdcCapture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CDC of a table of the shared PostgreSQL into the shared broker (embedded, or containers with
 * {@code -Pcontainers}): snapshot, then inserts, updates (with an unchanged TOASTed column) and deletes
 * in the topic contract's format; capture latency; the slot and publication dropped when demand ends;
 * heartbeats that keep an idle table's slot from retaining WAL.
 */
@ExtendWith(SharedInfrastructureCondition.class)
class CdcCaptureIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final CdcTable TABLE = CdcTable.parse(CdcTopic.SCHEMA + ".cdc_users");

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String OFFSETS_TOPIC = "it.cdc.offsets";

	private static final int LATENCY_ROWS = 5_000;

	private static final int LATENCY_RATE = 1_000;

	private static final int LATENCY_WRITERS = 4;

	@Test
	void shouldSnapshotThenStreamChangesDropTheSlotWhenDemandEndsAndSnapshotWhenDemandedAgain() throws Exception {
		String bio = randomText(20_000);
		execute("DROP TABLE IF EXISTS cdc_users",
				"CREATE TABLE cdc_users (id int PRIMARY KEY, name text, bio text, score numeric(10,2), "
						+ "active boolean, joined timestamptz)",
				"INSERT INTO cdc_users VALUES (1, 'ada', '" + bio + "', 12.50, true, '2026-01-02T03:04:05.123456Z'), "
						+ "(2, 'bob', 'short', 3.25, false, null)");
		try (DefaultCdcCapture capture = capture(); CdcTopic topic = new CdcTopic(TABLE.topic())) {
			capture.demand(Set.of(TABLE));
			List<ConsumerRecord<String, String>> snapshot = read(topic, 2);
			assertThat(snapshot).extracting(r -> CdcTopic.header(r, "sp.cdc.op")).containsOnly("r");
			JsonNode ada = JSON.readTree(topic.table().get("{\"id\":1}"));
			assertThat(ada.get("name").asString()).isEqualTo("ada");
			assertThat(ada.get("bio").asString()).isEqualTo(bio);
			assertThat(ada.get("score").decimalValue()).isEqualByComparingTo("12.50");
			assertThat(ada.get("active").asBoolean()).isTrue();
			assertThat(ada.get("joined").asString()).isEqualTo("2026-01-02T03:04:05.123456Z");

			execute("INSERT INTO cdc_users VALUES (3, 'cy', 'x', 1, true, now())",
					"UPDATE cdc_users SET name = 'ada lovelace' WHERE id = 1", "DELETE FROM cdc_users WHERE id = 2");
			List<ConsumerRecord<String, String>> changes = read(topic, 3);
			assertThat(changes).extracting(r -> CdcTopic.header(r, "sp.cdc.op")).containsExactly("c", "u", "d");
			assertThat(changes.get(2).value()).as("a delete is a tombstone").isNull();
			assertThat(changes.get(2).key()).isEqualTo("{\"id\":2}");
			JsonNode updated = JSON.readTree(changes.get(1).value());
			assertThat(updated.get("name").asString()).isEqualTo("ada lovelace");
			assertThat(updated.get("bio").asString()).as("the unchanged TOASTed value").isEqualTo(bio);
			assertThat(topic.table()).containsOnlyKeys("{\"id\":1}", "{\"id\":3}");

			assertThat(captureLatenciesMillis(topic)).as("every row inserted at 1,000/s is captured").hasSize(LATENCY_ROWS);

			await().atMost(WAIT).untilAsserted(() -> assertThat(capture.status()).singleElement()
				.satisfies(status -> {
					assertThat(status.state()).isEqualTo(CdcTableStatus.State.CAPTURING);
					assertThat(status.slotLagBytes()).isPresent();
				}));
			assertThat(count("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'sp_cdc_cdc_it_cdc_users'"))
				.isOne();

			capture.demand(Set.of());
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(count("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'sp_cdc_cdc_it_cdc_users'"))
					.isZero();
				assertThat(count("SELECT count(*) FROM pg_publication WHERE pubname = 'sp_cdc_cdc_it_cdc_users'"))
					.isZero();
			});

			capture.demand(Set.of(TABLE));
			List<ConsumerRecord<String, String>> again = read(topic, 2 + LATENCY_ROWS);
			assertThat(again).as("demanded again: a new snapshot of every row")
				.extracting(r -> CdcTopic.header(r, "sp.cdc.op"))
				.containsOnly("r");
			capture.demand(Set.of());
		}
	}

	@Test
	void shouldKeepTheSlotOfAnIdleTableFromRetainingWalWrittenForOthers() throws Exception {
		CdcTable idle = CdcTable.parse(CdcTopic.SCHEMA + ".cdc_idle");
		execute("DROP TABLE IF EXISTS cdc_idle", "CREATE TABLE cdc_idle (id int PRIMARY KEY)",
				"INSERT INTO cdc_idle VALUES (1)", "DROP TABLE IF EXISTS cdc_noise",
				"CREATE TABLE cdc_noise (id serial PRIMARY KEY, payload text)");
		try (DefaultCdcCapture capture = capture(); CdcTopic topic = new CdcTopic(idle.topic())) {
			capture.demand(Set.of(idle));
			read(topic, 1);
			execute("INSERT INTO cdc_noise (payload) SELECT repeat(md5(g::text), 32) FROM generate_series(1, 5000) g");
			await().atMost(WAIT)
				.untilAsserted(() -> {
					OptionalLong lag = capture.status().getFirst().slotLagBytes();
					assertThat(lag).as("the idle table's slot lag, empty until first measured").isPresent();
					assertThat(lag.getAsLong()).as("WAL retained by the idle table's slot after 5 MB written to another table")
						.isLessThan(1_000_000);
				});
			capture.demand(Set.of());
		}
	}

	@Test
	void shouldCaptureOnExactlyOneInstanceAndFailOverWhenItStops() throws Exception {
		CdcTable shared = CdcTable.parse(CdcTopic.SCHEMA + ".cdc_failover");
		execute("DROP TABLE IF EXISTS cdc_failover", "CREATE TABLE cdc_failover (id int PRIMARY KEY)",
				"INSERT INTO cdc_failover VALUES (1)");
		try (DefaultCdcCapture first = capture(); DefaultCdcCapture second = capture();
				CdcTopic topic = new CdcTopic(shared.topic())) {
			first.demand(Set.of(shared));
			second.demand(Set.of(shared));
			read(topic, 1);
			assertThat(List.of(first.isLeader(), second.isLeader())).as("leaders").containsOnlyOnce(true);
			DefaultCdcCapture leader = first.isLeader() ? first : second;
			DefaultCdcCapture standby = leader == first ? second : first;
			assertThat(standby.status()).singleElement()
				.satisfies(status -> assertThat(status.state()).isEqualTo(CdcTableStatus.State.STANDBY));

			awaitStoredOffset(shared);
			leader.close();
			execute("INSERT INTO cdc_failover VALUES (2)");
			await().atMost(WAIT).until(standby::isLeader);
			read(topic, 1);
			assertThat(topic.table()).containsOnlyKeys("{\"id\":1}", "{\"id\":2}");
			standby.demand(Set.of());
		}
	}

	/**
	 * Inserts {@value #LATENCY_ROWS} rows, one per transaction, paced at {@value #LATENCY_RATE} a
	 * second over {@value #LATENCY_WRITERS} connections, and returns for each the time from its commit (header {@code sp.cdc.commit-ms}) to
	 * its arrival from the topic.
	 */
	private static List<Long> captureLatenciesMillis(CdcTopic topic) throws Exception {
		List<Long> latencies = new ArrayList<>();
		long start = System.nanoTime();
		AtomicLong finished = new AtomicLong();
		List<Thread> writers = new ArrayList<>();
		for (int w = 0; w < LATENCY_WRITERS; w++) {
			int writer = w;
			writers.add(Thread.ofPlatform().start(() -> insertPaced(writer, start, finished)));
		}
		long deadline = System.currentTimeMillis() + WAIT.toMillis();
		while (latencies.size() < LATENCY_ROWS && System.currentTimeMillis() < deadline) {
			for (ConsumerRecord<String, String> record : topic.poll(Duration.ofMillis(5))) {
				latencies.add(System.currentTimeMillis() - Long.parseLong(CdcTopic.header(record, "sp.cdc.commit-ms")));
			}
		}
		for (Thread writer : writers) {
			writer.join();
		}
		long elapsed = finished.get() - start;
		assertThat(latencies).hasSize(LATENCY_ROWS);
		System.out.printf("CDC capture latency over %d inserts at %.0f/s: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
				LATENCY_ROWS, LATENCY_ROWS * 1e9 / elapsed, percentile(latencies, 50), percentile(latencies, 95),
				percentile(latencies, 99), percentile(latencies, 100));
		return latencies;
	}

	/** Inserts every {@value #LATENCY_WRITERS}th row, each due at its share of the overall rate. */
	private static void insertPaced(int writer, long start, AtomicLong finished) {
		try (Connection connection = CdcTopic.database();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO cdc_users (id, name) VALUES (?, ?)")) {
			for (int i = writer; i < LATENCY_ROWS; i += LATENCY_WRITERS) {
				long due = start + i * 1_000_000_000L / LATENCY_RATE;
				LockSupport.parkNanos(due - System.nanoTime());
				insert.setInt(1, 1_000 + i);
				insert.setString(2, "n" + i);
				insert.executeUpdate();
			}
			finished.accumulateAndGet(System.nanoTime(), Math::max);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long percentile(List<Long> values, int percent) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	static DefaultCdcCapture capture() {
		Map<String, Object> db = TestInfrastructure.connectionProperties();
		CdcProperties properties = new CdcProperties(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
				Duration.ofMillis(20), 2048, Duration.ofSeconds(1), Duration.ofSeconds(1), CdcTopic.SCHEMA + ".streamplane_cdc_heartbeat",
				"it.cdc.leader", OFFSETS_TOPIC, Duration.ofSeconds(6), 1, Duration.ofMillis(500),
				Duration.ofSeconds(1));
		Map<String, Object> kafka = new HashMap<>();
		kafka.put("bootstrap.servers", TestInfrastructure.bootstrapServers());
		return new DefaultCdcCapture(properties,
				() -> new Database((String) db.get("spring.datasource.url"), (String) db.get("spring.datasource.username"),
						(String) db.get("spring.datasource.password")),
				kafka, "cdc-it", -1, new SimpleMeterRegistry());
	}

	/**
	 * Waits until the leader stored an offset of {@code table} (its server is the slot name) (every {@code offset-flush-interval}): a new leader
	 * resumes from the last stored offset and repeats what came after it, so a handover before the first offset
	 * is stored snapshots the table again (docs/concepts/cdc.md).
	 */
	private static void awaitStoredOffset(CdcTable table) {
		String server = "\"server\":\"" + table.slotName() + "\"";
		try (CdcTopic offsets = new CdcTopic(OFFSETS_TOPIC)) {
			await().atMost(WAIT).until(() -> offsets.poll(Duration.ofMillis(200)).stream()
				.anyMatch(record -> record.key() != null && record.key().contains(server) && record.value() != null));
		}
	}

	private static List<ConsumerRecord<String, String>> read(CdcTopic topic, int count) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		await().atMost(WAIT).until(() -> {
			records.addAll(topic.poll(Duration.ofMillis(200)));
			return records.size() >= count;
		});
		assertThat(records).hasSize(count);
		return records;
	}

	private static void execute(String... statements) throws SQLException {
		try (Connection connection = CdcTopic.database(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static long count(String sql) throws SQLException {
		try (Connection connection = CdcTopic.database(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static String randomText(int length) {
		Random random = new Random(7);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

}
