package io.streamplane.benchmarks.joins;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.BenchmarkStreamsConfig;
import io.streamplane.benchmarks.harness.CpuProfiler;
import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.benchmarks.harness.Results.Case;
import io.streamplane.benchmarks.harness.Results;
import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.benchmarks.harness.Throughput;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Stream–table enrichment on Streamplane's embedded broker: loads a users table and a stream of
 * page views keyed by user once, then measures the throughput of (a) the Streamplane lookup join,
 * (b) the same join hand-written in Kafka Streams, (c) the Streamplane reactive join, (d) (b) after a
 * re-key and (e) (c) joined {@code on: key} as (a) is, then the latency from a row update committed in PostgreSQL to the re-emitted joined view,
 * and prints
 * a markdown report. A variant that cannot run is reported as not measured and the others still run.
 * <p>
 * Run it with {@code benchmarks/run-joins.sh [--name=value ...]}; see {@link JoinsOptions}.
 */
public final class JoinsBenchmark {

	private static final String AT_LEAST_ONCE = StreamsConfig.AT_LEAST_ONCE;

	private static final String EXACTLY_ONCE = StreamsConfig.EXACTLY_ONCE_V2;

	/**
	 * How long a join task waits for a table partition that is momentarily empty before it joins
	 * events without it. With Kafka Streams' default (0), (a)'s views, repartitioned separately from
	 * its users, overtook users rows still on their way through the table's repartition topic: up to
	 * 7,000 of 1,000,000 views found no row. (a), (b) and (d) get the same setting; (c) keeps the
	 * default: its foreign-key join emits a view when its row arrives, so it misses none, and idling
	 * at each momentarily empty subscription partition slowed it by a third; (e) too.
	 */
	static final int MAX_TASK_IDLE_MS = 500;

	private final JoinsOptions options;

	private final BenchmarkCluster cluster;

	private final Results results = new Results();

	private final CpuProfiler profiler;

	private List<CdcRun> cdcRuns = List.of();

	private String cdcFailure = "not run (--cdc=false)";

	private JoinsBenchmark(JoinsOptions options, BenchmarkCluster cluster) {
		this.options = options;
		this.cluster = cluster;
		this.profiler = CpuProfiler.into(options.profile());
	}

	/**
	 * Runs the benchmark and writes the report to stdout and {@link JoinsOptions#report()}.
	 * @param args {@code --name=value} options, see {@link JoinsOptions}
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		JoinsOptions options = JoinsOptions.parse(args);
		long started = System.nanoTime();
		JoinsBenchmark benchmark;
		try (BenchmarkCluster cluster = BenchmarkCluster.start()) {
			benchmark = new JoinsBenchmark(options, cluster);
			benchmark.run();
		}
		String report = JoinsReport.render(options, benchmark.results, benchmark.cdcRuns, benchmark.cdcFailure,
				Duration.ofNanos(System.nanoTime() - started));
		Progress.publish(report, options.report());
	}

	private void run() throws InterruptedException {
		long loading = System.nanoTime();
		cluster.createTopics(options.partitions(), List.of(JoinsWorkload.USERS, JoinsWorkload.VIEWS));
		JoinsWorkload.load(cluster.bootstrapServers(), options);
		Progress.log(String.format("Loaded %,d users and %,d page views in %,d ms", options.users(), options.events(),
				Duration.ofNanos(System.nanoTime() - loading).toMillis()));
		for (int round = 1; round <= options.rounds(); round++) {
			for (JoinVariant variant : order(round)) {
				throughput(new Case(variant, AT_LEAST_ONCE), round);
			}
		}
		if (options.exactlyOnce()) {
			throughput(new Case(JoinVariant.KAFKA_STREAMS, EXACTLY_ONCE), 1);
			throughput(new Case(JoinVariant.LOOKUP, EXACTLY_ONCE), 1);
			if (options.lingerCompare()) {
				throughput(new Case(JoinVariant.LOOKUP_STREAMS_LINGER, EXACTLY_ONCE), 1);
			}
		}
		if (options.reactive()) {
			throughput(new Case(JoinVariant.REACTIVE, AT_LEAST_ONCE), 1);
			throughput(new Case(JoinVariant.REACTIVE_ON_KEY, AT_LEAST_ONCE), 1);
		}
		if (options.cdc()) {
			cdcLatency();
		}
	}

	private void cdcLatency() {
		Progress.log(String.format("Measuring CDC latency: %,d users, %,d updates/s for %d s + %d s, linger.ms %s",
				options.cdcUsers(), options.cdcRate(), options.cdcWarmup().toSeconds(), options.cdcDuration().toSeconds(),
				options.cdcLingerMs()));
		try {
			cdcRuns = CdcLatencyRun.measure(cluster, options);
		}
		catch (Exception ex) {
			cdcFailure = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			Progress.log("  not measured: " + ex);
		}
	}

	private List<JoinVariant> order(int round) {
		List<JoinVariant> order = new ArrayList<>(round % 2 == 1
				? List.of(JoinVariant.KAFKA_STREAMS, JoinVariant.LOOKUP, JoinVariant.KAFKA_STREAMS_REPARTITIONED)
				: List.of(JoinVariant.LOOKUP, JoinVariant.KAFKA_STREAMS, JoinVariant.KAFKA_STREAMS_REPARTITIONED));
		if (options.lingerCompare()) {
			order.add(round % 2 == 1 ? 2 : 0, JoinVariant.LOOKUP_STREAMS_LINGER);
		}
		return order;
	}

	private void throughput(Case key, int round) throws InterruptedException {
		if (results.failure(key).isPresent()) {
			return;
		}
		String name = key.variant().label() + ", " + key.guarantee() + ", round " + round;
		Progress.log("Measuring " + name);
		String applicationId = "joins-" + key.variant().letter() + "-" + (EXACTLY_ONCE.equals(key.guarantee()) ? "eos" : "alo")
				+ "-" + round;
		try (CpuProfiler.Run profile = profiler.start(applicationId)) {
			Throughput run = measure((JoinVariant) key.variant(), key.guarantee(), applicationId);
			results.measured(key, run);
			Progress.log(String.format("  %,.0f events/s (%,d page views in %,d ms, %,d output records, %,d dropped)",
					run.perSecond(), run.records(), run.nanos() / 1_000_000, run.outputRecords(), run.droppedRecords()));
		}
		catch (RuntimeException ex) {
			results.failed(key, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			Progress.log("  not measured: " + ex);
		}
	}

	private Throughput measure(JoinVariant variant, String guarantee, String applicationId)
			throws InterruptedException {
		return switch (variant) {
			case LOOKUP -> streamplane(JoinsWorkload.SPEC_LOOKUP,
					lingering(lookupSettings(applicationId, guarantee), JoinsOptions.ENGINE_LINGER_MS));
			case LOOKUP_STREAMS_LINGER -> streamplane(JoinsWorkload.SPEC_LOOKUP,
					lingering(lookupSettings(applicationId, guarantee), options.compareLingerMs()));
			case REACTIVE -> streamplane(JoinsWorkload.SPEC_REACTIVE, lingering(
					BenchmarkStreamsConfig.throughput(cluster, applicationId, guarantee), JoinsOptions.ENGINE_LINGER_MS));
			case REACTIVE_ON_KEY -> streamplane(JoinsWorkload.SPEC_REACTIVE_ON_KEY, lingering(
					BenchmarkStreamsConfig.throughput(cluster, applicationId, guarantee), JoinsOptions.ENGINE_LINGER_MS));
			case KAFKA_STREAMS -> handWritten(false, "enriched-views-b", guarantee, applicationId);
			case KAFKA_STREAMS_REPARTITIONED -> handWritten(true, "enriched-views-d", guarantee, applicationId);
		};
	}

	private Throughput handWritten(boolean rekey, String output, String guarantee, String applicationId)
			throws InterruptedException {
		cluster.createTopics(options.partitions(), List.of(output));
		Topology topology = HandWrittenJoin.build(JoinsWorkload.VIEWS, JoinsWorkload.USERS, output, rekey);
		return OutputThroughput.measure(cluster, topology, lookupSettings(applicationId, guarantee), output,
				options.events());
	}

	private Throughput streamplane(String spec, Properties settings) throws InterruptedException {
		CompiledPipeline pipeline = SpecResources.compile(spec);
		Set<String> inputs = Set.of(JoinsWorkload.VIEWS, JoinsWorkload.USERS);
		if (!pipeline.inputTopics().equals(inputs) || pipeline.outputTopics().size() != 1) {
			throw new BenchmarkException("The spec " + spec + " reads " + pipeline.inputTopics() + " and writes "
					+ pipeline.outputTopics() + "; it must read " + inputs + " and write one topic");
		}
		List<String> topics = new ArrayList<>(pipeline.outputTopics());
		topics.add(pipeline.deadLetterTopic());
		cluster.createTopics(options.partitions(), topics);
		long deadLetters = cluster.recordsIn(pipeline.deadLetterTopic());
		Throughput run = OutputThroughput.measure(cluster, pipeline.topology(), settings,
				pipeline.outputTopics().iterator().next(), options.events());
		return run.withDroppedRecords(run.droppedRecords() + cluster.recordsIn(pipeline.deadLetterTopic()) - deadLetters);
	}

	/** {@code settings} with the producer's {@code linger.ms}, as the engine sets it for the Streamplane variants. */
	static Properties lingering(Properties settings, int lingerMs) {
		settings.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), lingerMs);
		return settings;
	}

	private Properties lookupSettings(String applicationId, String guarantee) {
		Properties properties = BenchmarkStreamsConfig.throughput(cluster, applicationId, guarantee);
		properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, MAX_TASK_IDLE_MS);
		return properties;
	}

}
