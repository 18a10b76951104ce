package io.streamplane.benchmarks.joins;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
import io.streamplane.benchmarks.harness.Progress;
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
 * statement was sent (autocommit) to the receipt of the re-emitted view carrying that name. One run per producer
 * {@code linger.ms} asked for, each a fresh application on the same database, capture and topics.
 */
final class CdcLatencyRun {

	private static final CdcTable USERS = CdcTable.parse("public.bench_users");

	private static final Duration WAIT = Duration.ofSeconds(120);

	private static final Duration DRAIN = Duration.ofSeconds(3);

	private static final Duration QUIET = Duration.ofSeconds(1);

	static final int WRITERS = 4;

	private CdcLatencyRun() {
	}

	/** Measures once per {@link JoinsOptions#cdcLingerMs() linger}, in that order, on one database and capture. */
	static List<CdcRun> measure(BenchmarkCluster cluster, JoinsOptions options) throws Exception {
		try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(cluster.directory("postgres"),
				BenchmarkCluster.freePort())) {
			execute(postgres, "CREATE TABLE bench_users (id int PRIMARY KEY, name text, plan text)",
					"INSERT INTO bench_users SELECT g, 'user-' || g, 'free' FROM generate_series(0, "
							+ (options.cdcUsers() - 1) + ") g");
			try (CdcCapture.Owned capture = capture(cluster, postgres)) {
				capture.demand(Set.of(USERS));
				awaitRecords(cluster, USERS.topic(), options.cdcUsers(), "the snapshot of " + USERS);
				CompiledPipeline pipeline = SpecResources.compile(JoinsWorkload.SPEC_CDC);
				List<String> topics = new ArrayList<>(pipeline.outputTopics());
				topics.add(pipeline.deadLetterTopic());
				topics.add("page-views-cdc");
				cluster.createTopics(options.partitions(), topics);
				loadViews(cluster, options.cdcUsers());
				List<CdcRun> runs = new ArrayList<>();
				for (int run = 0; run < options.cdcLingerMs().size(); run++) {
					runs.add(measure(cluster, postgres, pipeline, options, run));
					Progress.log(String.format("  linger.ms %d: p50 %d ms, p95 %d ms, p99 %d ms over %,d updates (%,d unseen)",
							runs.getLast().lingerMs(), runs.getLast().latency().p50(), runs.getLast().latency().p95(),
							runs.getLast().latency().p99(), runs.getLast().latency().measured(),
							runs.getLast().latency().unseen()));
				}
				return runs;
			}
		}
	}

	/**
	 * Run number {@code run}: a fresh application (it joins every view again), then updates whose names are numbered
	 * from {@code run * updates per run}, so that no re-emission of an earlier run counts.
	 */
	private static CdcRun measure(BenchmarkCluster cluster, EmbeddedPostgresServer postgres, CompiledPipeline pipeline,
			JoinsOptions options, int run) throws Exception {
		String output = pipeline.outputTopics().iterator().next();
		int lingerMs = options.cdcLingerMs().get(run);
		String applicationId = "joins-cdc-latency-" + run;
		Properties settings = JoinsBenchmark.lingering(BenchmarkStreamsConfig.latency(cluster, applicationId), lingerMs);
		long joinedBefore = cluster.recordsIn(output);
		try (StreamsApp app = StreamsApp.start(pipeline.topology(), settings)) {
			awaitRecords(cluster, output, joinedBefore + options.cdcUsers(), "the first join of every view");
			awaitQuiet(cluster, output);
			int updates = updatesPerRun(options);
			long first = (long) run * updates;
			OutputWatcher<Reemission> watcher = OutputWatcher.start(cluster.bootstrapServers(), output,
					Reemission::decode);
			CdcHops hops = options.cdcHops() ? CdcHops.start(cluster.bootstrapServers(), USERS.topic(), applicationId)
					: null;
			long[] sent;
			List<Reemission> seen;
			Map<String, List<Reemission>> hopsSeen = Map.of();
			try {
				sent = update(postgres, options, first);
				Thread.sleep(DRAIN);
			}
			finally {
				seen = watcher.stop();
				if (hops != null) {
					hopsSeen = hops.stop();
					hops.close();
				}
			}
			app.requireHealthy();
			long measureFrom = sent[0] + options.cdcWarmup().toMillis();
			Map<String, LatencyResult> hopLatencies = new LinkedHashMap<>();
			hopsSeen.forEach((topic, topicSeen) -> hopLatencies.put(topic,
					ChangeLatencies.of(sent, relative(topicSeen, first, updates), measureFrom, options.cdcRate())));
			return new CdcRun(lingerMs, ChangeLatencies.of(sent, relative(seen, first, updates), measureFrom,
					options.cdcRate()), hopLatencies);
		}
	}

	private static int updatesPerRun(JoinsOptions options) {
		return (int) (options.cdcRate() * (options.cdcWarmup().toSeconds() + options.cdcDuration().toSeconds()));
	}

	/** The changes of one run, numbered from 0: those named {@code v<first>} to {@code v<first + updates - 1>}. */
	private static List<Reemission> relative(List<Reemission> seen, long first, int updates) {
		return seen.stream()
			.filter(reemission -> reemission.change() >= first && reemission.change() < first + updates)
			.map(reemission -> new Reemission(reemission.change() - first, reemission.seenMillis()))
			.toList();
	}

	/**
	 * Sends the updates from {@value #WRITERS} connections, paced, naming update {@code i} {@code v<first + i>};
	 * returns each one's send time.
	 */
	private static long[] update(EmbeddedPostgresServer postgres, JoinsOptions options, long first)
			throws InterruptedException {
		int total = updatesPerRun(options);
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
						statement.setString(1, Reemission.name(first + i));
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

	/**
	 * Waits until nothing is added to {@code topic} for {@link #QUIET}: a later run's application also replays the
	 * earlier runs' updates from the CDC topic, and its updates must not queue behind them.
	 */
	private static void awaitQuiet(BenchmarkCluster cluster, String topic) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		long records = cluster.recordsIn(topic);
		long quietSince = System.nanoTime();
		while (System.nanoTime() - quietSince < QUIET.toNanos() && System.nanoTime() < deadline) {
			Thread.sleep(100);
			long now = cluster.recordsIn(topic);
			if (now != records) {
				records = now;
				quietSince = System.nanoTime();
			}
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
