package io.streamplane.benchmarks.joins;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamplane.app.standalone.EmbeddedPostgresServer;
import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.BenchmarkStreamsConfig;
import io.streamplane.benchmarks.harness.Json;
import io.streamplane.benchmarks.harness.LatencyResult;
import io.streamplane.benchmarks.harness.OutputWatcher;
import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.benchmarks.harness.StreamsApp;
import io.streamplane.engine.cdc.CdcCapture;
import io.streamplane.engine.cdc.CdcProperties;
import io.streamplane.engine.cdc.CdcTable;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * CDC latency: the embedded PostgreSQL, Streamplane's CDC capture (driven through its API, as an
 * engine does for the pipelines' {@code postgresCdc} tables) and the pipeline
 * {@code joins/enrich-cdc.yaml}, one page view per user. Rows are updated at a fixed rate, each
 * update giving the user a new unique name; an update's latency is from just before its
 * statement was sent (autocommit) to the receipt of the re-emitted view carrying that name.
 */
final class CdcLatencyRun {

	private static final CdcTable USERS = CdcTable.parse("public.bench_users");

	private static final Duration WAIT = Duration.ofSeconds(120);

	private static final Duration DRAIN = Duration.ofSeconds(3);

	static final int WRITERS = 4;

	private CdcLatencyRun() {
	}

	static LatencyResult measure(BenchmarkCluster cluster, JoinsOptions options) throws Exception {
		try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(cluster.directory("postgres"),
				BenchmarkCluster.freePort())) {
			execute(postgres, "CREATE TABLE bench_users (id int PRIMARY KEY, name text, plan text)",
					"INSERT INTO bench_users SELECT g, 'user-' || g, 'free' FROM generate_series(0, "
							+ (options.cdcUsers() - 1) + ") g");
			try (CdcCapture.Owned capture = capture(cluster, postgres)) {
				capture.demand(Set.of(USERS));
				awaitRecords(cluster, USERS.topic(), options.cdcUsers(), "the snapshot of " + USERS);
				return measure(cluster, postgres, options);
			}
		}
	}

	private static LatencyResult measure(BenchmarkCluster cluster, EmbeddedPostgresServer postgres,
			JoinsOptions options) throws Exception {
		CompiledPipeline pipeline = SpecResources.compile(JoinsWorkload.SPEC_CDC);
		String output = pipeline.outputTopics().iterator().next();
		List<String> topics = new ArrayList<>(pipeline.outputTopics());
		topics.add(pipeline.deadLetterTopic());
		topics.add("page-views-cdc");
		cluster.createTopics(options.partitions(), topics);
		loadViews(cluster, options.cdcUsers());
		try (StreamsApp app = StreamsApp.start(pipeline.topology(),
				BenchmarkStreamsConfig.latency(cluster, "joins-cdc-latency"))) {
			awaitRecords(cluster, output, options.cdcUsers(), "the first join of every view");
			OutputWatcher<Reemission> watcher = OutputWatcher.start(cluster.bootstrapServers(), output,
					Reemission::decode);
			long[] sent;
			try {
				sent = update(postgres, options);
				Thread.sleep(DRAIN);
			}
			catch (RuntimeException | InterruptedException ex) {
				watcher.stop();
				throw ex;
			}
			List<Reemission> seen = watcher.stop();
			app.requireHealthy();
			return ChangeLatencies.of(sent, seen, sent[0] + options.cdcWarmup().toMillis(), options.cdcRate());
		}
	}

	/** Sends the updates from {@value #WRITERS} connections, paced; returns each one's send time. */
	private static long[] update(EmbeddedPostgresServer postgres, JoinsOptions options) throws InterruptedException {
		int total = (int) (options.cdcRate() * (options.cdcWarmup().toSeconds() + options.cdcDuration().toSeconds()));
		long[] sent = new long[total];
		long start = System.nanoTime();
		List<Thread> writers = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			writers.add(Thread.ofPlatform().name("cdc-writer-" + w).start(() -> {
				try (Connection connection = connect(postgres);
						PreparedStatement statement = connection.prepareStatement(
								"UPDATE bench_users SET name = ? WHERE id = ?")) {
					for (int i = writer; i < total; i += WRITERS) {
						LockSupport.parkNanos(start + i * 1_000_000_000L / options.cdcRate() - System.nanoTime());
						statement.setString(1, Reemission.name(i));
						statement.setInt(2, (int) (i % options.cdcUsers()));
						sent[i] = System.currentTimeMillis();
						statement.executeUpdate();
					}
				}
				catch (SQLException ex) {
					throw new BenchmarkException("Could not update bench_users: " + ex.getMessage(), ex);
				}
			}));
		}
		for (Thread writer : writers) {
			writer.join();
		}
		return sent;
	}

	private static void loadViews(BenchmarkCluster cluster, long users) {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(JoinsWorkload.config(cluster.bootstrapServers()))) {
			for (long id = 0; id < users; id++) {
				PageView view = new PageView(id, id, "/docs/" + id % 100, System.currentTimeMillis());
				producer.send(new ProducerRecord<>("page-views-cdc", JoinsWorkload.key(id), Json.write(view)));
			}
			producer.flush();
		}
	}

	private static void awaitRecords(BenchmarkCluster cluster, String topic, long records, String what)
			throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!exists(cluster, topic) || cluster.recordsIn(topic) < records) {
			if (System.nanoTime() > deadline) {
				throw new BenchmarkException("Waited " + WAIT.toSeconds() + " s for " + what + " (" + records
						+ " records on " + topic + ")");
			}
			Thread.sleep(100);
		}
	}

	private static boolean exists(BenchmarkCluster cluster, String topic) {
		try {
			cluster.recordsIn(topic);
			return true;
		}
		catch (BenchmarkException ex) {
			return false;
		}
	}

	private static CdcCapture.Owned capture(BenchmarkCluster cluster, EmbeddedPostgresServer postgres) {
		CdcProperties properties = new CdcProperties(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
				Duration.ofMillis(20), 2048, Duration.ofSeconds(1), Duration.ofSeconds(10), "", "sp.cdc.leader",
				"sp.cdc.offsets", Duration.ofSeconds(10), 1, Duration.ofSeconds(5), Duration.ofSeconds(2));
		Map<String, Object> kafka = new HashMap<>(Map.of("bootstrap.servers", cluster.bootstrapServers()));
		return CdcCapture.open(properties, postgres.jdbcUrl(), EmbeddedPostgresServer.USER, "", kafka,
				"joins-benchmark", -1, new SimpleMeterRegistry());
	}

	private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, "");
	}

	private static void execute(EmbeddedPostgresServer postgres, String... statements) {
		try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new BenchmarkException("Could not prepare bench_users: " + ex.getMessage(), ex);
		}
	}

}
