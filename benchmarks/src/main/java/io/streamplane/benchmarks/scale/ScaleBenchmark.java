package io.streamplane.benchmarks.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.BenchmarkStreamsConfig;
import io.streamplane.benchmarks.harness.Progress;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Session windows over growing numbers of users on Streamplane's embedded broker: at each size, loads the
 * same backlog into topics of each variant's own, runs (a) the Streamplane pipeline and (b) the same logic
 * hand-written in Kafka Streams, each in a worker JVM of its own under exactly once, and measures throughput
 * over the backlog, memory, state on disk and in the changelogs, and the latency of final results at a fixed
 * rate; every output is checked against the workload. At the last size it then kills (a)'s worker with
 * {@code kill -9}, restarts it with an empty state directory (restore from the changelogs), adds a second
 * instance with a standby replica and kills the first again while closing events arrive.
 * <p>
 * Run it with {@code benchmarks/run-scale.sh [--name=value ...]}; see {@link ScaleOptions}.
 */
public final class ScaleBenchmark {

	private static final Duration QUIET = Duration.ofSeconds(60);

	private static final Duration PROGRESS = Duration.ofSeconds(15);

	private static final Duration STALL = Duration.ofMinutes(3);

	private static final Duration KILL_AFTER = Duration.ofSeconds(5);

	private static final Duration TRACE_INTERVAL = Duration.ofSeconds(1);

	/** How long the fail-over waits for the instance it kills to have a transaction open, as it has when it processes. */
	private static final Duration OPEN_TRANSACTION = Duration.ofSeconds(10);

	/**
	 * The workers' {@code transaction.timeout.ms} (Kafka Streams' is 10 s under exactly once), or the system property
	 * {@code scale.transaction.timeout.ms}. One record closes every user's first session (round 2), and Kafka Streams
	 * forwards them all while processing it, in one transaction: about 100,000 sessions a second here (each task's
	 * 500,000 at 1M users stopped consuming for 4–5 s), so 5M per task at 10M users take about a minute, longer
	 * than the broker lets a transaction stay open by Kafka Streams' default. Equal to Kafka Streams'
	 * {@code max.poll.interval.ms}; docs/benchmarks.md (Scale, session 15).
	 */
	static final Duration TRANSACTION_TIMEOUT = Duration.ofMillis(Long.getLong("scale.transaction.timeout.ms",
			Duration.ofMinutes(5).toMillis()));

	private final ScaleOptions options;

	private final BenchmarkCluster cluster;

	private final Admin admin;

	private final List<SizeResult> results = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private RecoveryResult recovery;

	private final List<RestoreComparison.Candidate> candidates;

	private final Map<ScaleVariant, List<RestoreComparison.Round>> restoreRounds = new LinkedHashMap<>();

	private final Map<ScaleVariant, Long> comparedChangelogBytes = new LinkedHashMap<>();

	private ScaleBenchmark(ScaleOptions options, BenchmarkCluster cluster, Admin admin) {
		this.options = options;
		this.cluster = cluster;
		this.admin = admin;
		this.candidates = RestoreComparison.candidates(options.restoreSettings());
	}

	/**
	 * Runs the benchmark and writes the report to stdout and {@link ScaleOptions#report()}.
	 * @param args {@code --name=value} options, see {@link ScaleOptions}
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		ScaleOptions options = ScaleOptions.parse(args);
		long started = System.nanoTime();
		ScaleBenchmark benchmark;
		try (BenchmarkCluster cluster = BenchmarkCluster.start();
				Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
			benchmark = new ScaleBenchmark(options, cluster, admin);
			benchmark.run();
		}
		StringBuilder compared = new StringBuilder();
		benchmark.restoreRounds.forEach((variant, rounds) -> RestoreComparison.report(compared, variant,
				benchmark.candidates, rounds, benchmark.comparedChangelogBytes.get(variant)));
		String report = ScaleReport.render(options, benchmark.results, benchmark.recovery, compared.toString(),
				benchmark.failures, Duration.ofNanos(System.nanoTime() - started));
		Progress.publish(report, options.report());
	}

	private void run() throws InterruptedException, IOException {
		for (int size = 0; size < options.users().size(); size++) {
			long users = options.users().get(size);
			boolean last = size == options.users().size() - 1;
			List<ScaleVariant> order = size % 2 == 0
					? List.of(ScaleVariant.KAFKA_STREAMS, ScaleVariant.STREAMPLANE_SUPPRESSED, ScaleVariant.STREAMPLANE)
					: List.of(ScaleVariant.STREAMPLANE, ScaleVariant.STREAMPLANE_SUPPRESSED, ScaleVariant.KAFKA_STREAMS);
			if (last) {
				order = List.of(ScaleVariant.KAFKA_STREAMS, ScaleVariant.STREAMPLANE_SUPPRESSED, ScaleVariant.STREAMPLANE);
			}
			for (ScaleVariant variant : order.stream().filter(options::runs).toList()) {
				boolean recover = last && options.recovery() && variant == ScaleVariant.STREAMPLANE;
				try {
					measure(SessionWorkload.of(users), variant, recover, last && variant != ScaleVariant.KAFKA_STREAMS);
				}
				catch (RuntimeException ex) {
					failures.add(String.format("%s at %,d users: %s", variant.label(), users, ex.getMessage()));
					Progress.log("  failed: " + ex);
				}
			}
		}
	}

	private void measure(SessionWorkload workload, ScaleVariant variant, boolean recover, boolean compareRestores)
			throws InterruptedException, IOException {
		long users = workload.users();
		String run = variant.letter() + "-" + users;
		String applicationId = "scale-" + run;
		String input = "scale-events-" + run;
		String output = "scale-sessions-" + run;
		cluster.createTopics(options.partitions(), List.of(input, output));
		long loading = System.nanoTime();
		workload.load(cluster.bootstrapServers(), input);
		Progress.log(String.format("%s, %,d users: loaded %,d events in %,d ms", variant.label(), users,
				workload.backlogEvents(), Duration.ofNanos(System.nanoTime() - loading).toMillis()));
		try (SessionVerifier verifier = SessionVerifier.start(workload, cluster.bootstrapServers(), output)) {
			long nanos;
			long changelogBytes;
			long rss;
			long peakRss;
			long dropped;
			long closers = Math.min(users / 3, (long) options.latencyRate() * options.latencyDuration().toSeconds());
			long[] sent;
			try (WorkerProcess worker = WorkerProcess.start(run + "-1", variant, settings(applicationId, 1), input, output,
					options.heap())) {
				nanos = backlog(worker, workload);
				verifier.await(users, QUIET);
				changelogBytes = StateSizes.changelogs(admin, applicationId);
				rss = worker.rss();
				peakRss = worker.peakRss();
				sent = workload.sendClosers(cluster.bootstrapServers(), input, 0, closers, options.latencyRate());
				verifier.await(users + closers, QUIET);
				dropped = worker.dropped();
			}
			// measured after a clean close, which flushes RocksDB's memtables to disk
			long stateBytes = StateSizes.onDisk(stateDirectory(applicationId, 1));
			Progress.log("  state on disk: " + StateSizes.byKind(stateDirectory(applicationId, 1)));
			SstContents sst = SstContents.read(stateDirectory(applicationId, 1));
			Progress.log("  SST contents: " + sst.description());
			SizeResult result = new SizeResult(users, variant, workload.backlogEvents(), nanos, rss, peakRss, stateBytes,
					sst.aggregates(), changelogBytes, dropped, verifier.latencies(0, sent), verifier.exactness(users + closers));
			if (options.compactState()) {
				result = compacted(result, stateDirectory(applicationId, 1));
			}
			results.add(result);
			Progress.log(String.format(
					"  %,.0f events/s, RSS %,d MiB (peak %,d), state %,.0f B/key on disk (%,d sessions held, %.2f× their raw bytes), %,.0f B/key in changelogs, p95 %.0f ms, %,d dropped, %s",
					result.perSecond(), rss >> 20, peakRss >> 20, (double) stateBytes / users, result.aggregatesHeld(),
					result.diskOverRaw(), (double) changelogBytes / users,
					result.latencyPercentile(95), dropped, result.exactness()));
			if (compareRestores && options.restoreRounds() > 0) {
				long bytes = StateSizes.changelogs(admin, applicationId);
				comparedChangelogBytes.put(variant, bytes);
				Progress.log(String.format("Restores of %s at %,d users (%,d MB of changelogs), %d rounds of %s",
						variant.label(), users, bytes / 1_000_000, options.restoreRounds(),
						candidates.stream().map(RestoreComparison.Candidate::name).toList()));
				restoreRounds.put(variant, RestoreComparison.run(variant, candidates, options.restoreRounds(), run,
						() -> settings(applicationId, 1), stateDirectory(applicationId, 1), input, output, options.heap()));
			}
			if (recover) {
				recover(workload, verifier, applicationId, input, output, closers);
			}
		}
	}

	/** Compacts the closed state fully and measures it again: what of it is not yet compacted. */
	private static SizeResult compacted(SizeResult result, Path state) {
		long compacting = System.nanoTime();
		int databases = StateCompaction.compact(state);
		SizeResult compacted = result.withCompactedState(StateSizes.onDisk(state));
		Progress.log(String.format("  full compaction of %,d RocksDBs in %,d ms: state %,.0f B/key on disk (%.2f× the raw bytes of the sessions held), was %,.0f (%.2f×)",
				databases, Duration.ofNanos(System.nanoTime() - compacting).toMillis(),
				(double) compacted.compactedStateBytes() / result.users(), compacted.compactedOverRaw(),
				(double) result.stateBytes() / result.users(), result.diskOverRaw()));
		Progress.log("  state on disk after the compaction: " + StateSizes.byKind(state));
		Progress.log("  SST contents after the compaction: " + SstContents.read(state).description());
		return compacted;
	}

	/**
	 * Waits until every backlog record went through every source topic; returns the nanoseconds from the first.
	 * @throws BenchmarkException if the worker's count of records consumed does not change for {@link #STALL} (a count
	 * that falls, as when Kafka Streams re-creates its tasks after an error under exactly once, is a change)
	 */
	private long backlog(WorkerProcess worker, SessionWorkload workload) throws InterruptedException {
		long started = 0;
		long lastConsumed = 0;
		long deadline = System.nanoTime() + STALL.toNanos();
		long logged = System.nanoTime();
		while (worker.sources() == 0 || worker.consumed() < worker.sources() * workload.backlogEvents()) {
			worker.requireHealthy();
			if (worker.consumed() != lastConsumed) {
				if (worker.consumed() < lastConsumed) {
					Progress.log(String.format("  the worker's count of records through the source topics fell from %,d to %,d: its tasks were re-created (their metrics restarted)",
							lastConsumed, worker.consumed()));
				}
				lastConsumed = worker.consumed();
				deadline = System.nanoTime() + STALL.toNanos();
			}
			if (System.nanoTime() - logged > PROGRESS.toNanos()) {
				logged = System.nanoTime();
				Progress.log(String.format("  %,d of %,d records through the source topics", worker.consumed(),
						worker.sources() * workload.backlogEvents()));
			}
			if (started == 0 && worker.consumed() > 0) {
				started = System.nanoTime();
			}
			if (System.nanoTime() > deadline) {
				throw new BenchmarkException(String.format("The worker consumed nothing for %d minutes (%,d of %,d records)",
						STALL.toMinutes(), worker.consumed(), worker.sources() * workload.backlogEvents()));
			}
			Thread.sleep(20);
		}
		return System.nanoTime() - started;
	}

	/**
	 * Reopens (a)'s state, kills the worker with {@code kill -9}, restarts it with an empty state directory and
	 * sends closing events; then adds a second instance, waits for its standbys and kills the first again
	 * while closing events arrive.
	 */
	private void recover(SessionWorkload workload, SessionVerifier verifier, String applicationId, String input,
			String output, long closed) throws InterruptedException, IOException {
		long users = workload.users();
		String run = "a-" + users;
		long changelogBytes = StateSizes.changelogs(admin, applicationId);
		Progress.log(String.format("Recovery at %,d users: reopen, kill -9, restart with an empty state directory (%,d MB of changelogs)",
				users, changelogBytes / 1_000_000));
		WorkerProcess reopened = WorkerProcess.start(run + "-reopened", ScaleVariant.STREAMPLANE, settings(applicationId, 1),
				input, output, options.heap());
		try {
			reopened.awaitRunning(Duration.ofMinutes(30));
		}
		finally {
			reopened.kill();
		}
		StateSizes.delete(stateDirectory(applicationId, 1));
		long restarted = System.currentTimeMillis();
		try (WorkerProcess first = WorkerProcess.start(run + "-restored", ScaleVariant.STREAMPLANE,
				settings(applicationId, 1), input, output, options.heap())) {
			long closers = restore(workload, verifier, first, restarted, changelogBytes, closed, input);
			try (WorkerProcess second = WorkerProcess.start(run + "-standby", ScaleVariant.STREAMPLANE,
					settings(applicationId, 2), input, output, options.heap())) {
				failover(workload, verifier, first, second, closed + closers, applicationId, input, output);
			}
		}
	}

	/** Measures the restart with an empty state directory; returns how many closing events it sent after. */
	private long restore(SessionWorkload workload, SessionVerifier verifier, WorkerProcess first, long restarted,
			long changelogBytes, long closed, String input) throws InterruptedException {
		long users = workload.users();
		first.awaitRunning(Duration.ofMinutes(30));
		long running = System.currentTimeMillis() - restarted;
		WorkerProcess.Restore restore = first.restore();
		if (restore == null) {
			throw new BenchmarkException("The restarted worker is running without having restored anything");
		}
		Progress.log(String.format("  restored %,d records in %,d ms (%.1f MB/s, %,d ms of CPU); running %,d ms after the restart",
				restore.records(), restore.millis(), changelogBytes / 1e6 / (restore.millis() / 1e3), restore.cpuMillis(),
				running));
		long closers = closed;
		long[] sent = workload.sendClosers(cluster.bootstrapServers(), input, closed, closed + closers,
				options.latencyRate());
		verifier.await(users + closed + closers, QUIET);
		SessionVerifier.Exactness afterRestore = verifier.exactness(users + closed + closers);
		double[] latency = verifier.latencies(closed, sent);
		Progress.log("  after the restore: " + afterRestore);
		recovery = new RecoveryResult(users, changelogBytes, restore, running, afterRestore, latency, -1, -1, null, null);
		return closers;
	}

	/**
	 * Waits for the second instance's standbys, then kills the first while sending closing events; traces the output
	 * and repartition topics' stable offsets and the transactions once a second from the kill until a result of an
	 * event sent after it is seen, or for the workers' {@link #TRANSACTION_TIMEOUT} and a minute more.
	 */
	private void failover(SessionWorkload workload, SessionVerifier verifier, WorkerProcess first, WorkerProcess second,
			long from, String applicationId, String input, String output) throws InterruptedException {
		long users = workload.users();
		long catchUp = awaitStandby(second);
		Progress.log(String.format("  second instance's standbys caught up in %,d ms; killing the first while sending", catchUp));
		long failoverClosers = Math.min(users - from, (long) options.latencyRate() * options.failoverDuration().toSeconds());
		CompletableFuture<long[]> sending = CompletableFuture.supplyAsync(() -> workload
			.sendClosers(cluster.bootstrapServers(), input, from, from + failoverClosers, options.latencyRate()));
		List<String> traced = new ArrayList<>(List.of(output));
		traced.addAll(FailoverTrace.repartitionTopics(admin, applicationId));
		Thread.sleep(Math.min(KILL_AFTER.toMillis(), failoverClosers * 1_000 / options.latencyRate() / 2));
		boolean open = FailoverTrace.awaitOpenTransaction(admin, first.transactionalIds(), OPEN_TRANSACTION);
		long killed = System.nanoTime();
		first.kill();
		Progress.log(String.format("  killed the first instance (transactional ids %s) %s", first.transactionalIds(),
				open ? "with a transaction open" : "without a transaction open within " + OPEN_TRANSACTION.toSeconds() + " s"));
		FailoverTrace trace = FailoverTrace.of(admin, applicationId, traced, second::consumed, verifier::distinct, killed);
		long deadline = killed + TRANSACTION_TIMEOUT.plus(QUIET).toNanos();
		long resumed = 0;
		while (resumed == 0 && System.nanoTime() < deadline) {
			trace.sample();
			Thread.sleep(TRACE_INTERVAL.toMillis());
			if (sending.isDone()) {
				resumed = verifier.firstSeenOfSentAfter(killed, from, sending.join());
			}
		}
		trace.sample();
		long[] failoverSent = sending.join();
		verifier.await(users + from + failoverClosers, QUIET);
		resumed = verifier.firstSeenOfSentAfter(killed, from, failoverSent);
		SessionVerifier.Exactness failover = verifier.exactness(users + from + failoverClosers);
		String traceSummary = FailoverTrace.summary(trace.samples());
		recovery = recovery.withFailover(catchUp, resumed == 0 ? -1 : (resumed - killed) / 1_000_000, failover,
				traceSummary);
		Progress.log(String.format("  output resumed %,d ms after the kill; %s", recovery.resumeMillis(), failover));
		Progress.log("  fail-over trace: " + traceSummary);
	}

	/** Waits until the second instance holds store partitions that lag by less than 1,000 records. */
	private static long awaitStandby(WorkerProcess second) throws InterruptedException {
		long started = System.nanoTime();
		long deadline = started + Duration.ofMinutes(20).toNanos();
		while (second.storePartitions() == 0 || second.storeLag() >= 1_000) {
			second.requireHealthy();
			if (System.nanoTime() > deadline) {
				throw new BenchmarkException("The second instance's standbys did not catch up in 20 minutes");
			}
			Thread.sleep(100);
		}
		return (System.nanoTime() - started) / 1_000_000;
	}

	private Path stateDirectory(String applicationId, int instance) {
		return cluster.stateDirectory(applicationId).resolve("instance-" + instance);
	}

	/**
	 * The settings of every worker: the benchmarks' shared ones under exactly once, a state directory per
	 * instance, one standby replica (idle while an instance is alone), the session timeout of the options, and
	 * transactions that may stay open for {@link #TRANSACTION_TIMEOUT}.
	 */
	private Properties settings(String applicationId, int instance) {
		Properties properties = BenchmarkStreamsConfig.throughput(cluster, applicationId, StreamsConfig.EXACTLY_ONCE_V2);
		properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory(applicationId, instance).toString());
		properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1");
		properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
				String.valueOf(options.sessionTimeout().toMillis()));
		properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
				String.valueOf(Math.max(500, options.sessionTimeout().toMillis() / 4)));
		properties.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
				String.valueOf(TRANSACTION_TIMEOUT.toMillis()));
		properties.replaceAll((key, value) -> String.valueOf(value));
		return properties;
	}

}
