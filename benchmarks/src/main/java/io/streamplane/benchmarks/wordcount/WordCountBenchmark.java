package io.streamplane.benchmarks.wordcount;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.BenchmarkStreamsConfig;
import io.streamplane.benchmarks.harness.LatencyResult;
import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.benchmarks.harness.Results.Case;
import io.streamplane.benchmarks.harness.Results;
import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.benchmarks.harness.Throughput;
import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.spec.Emit;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Pathway's word-count benchmark on Streamplane's embedded broker: loads the input once, measures
 * the throughput of (a) the Streamplane pipeline, (b) the same logic hand-written in Kafka Streams
 * and (c) a bare consume→produce loop, then the latency of (a) and (b) at half of (a)'s maximum
 * rate, and prints a markdown report. A variant that cannot run, e.g. because the compiler does
 * not support a step yet, is reported as not measured and the others still run.
 * <p>
 * Run it with {@code benchmarks/run-wordcount.sh [--name=value ...]}; see {@link BenchmarkOptions}.
 */
public final class WordCountBenchmark {

	private static final String AT_LEAST_ONCE = StreamsConfig.AT_LEAST_ONCE;

	private static final String EXACTLY_ONCE = StreamsConfig.EXACTLY_ONCE_V2;

	private final BenchmarkOptions options;

	private final BenchmarkCluster cluster;

	private final Results results = new Results();

	private final Latencies latencies = new Latencies();

	private WordCountBenchmark(BenchmarkOptions options, BenchmarkCluster cluster) {
		this.options = options;
		this.cluster = cluster;
	}

	/**
	 * Runs the benchmark and writes the report to stdout and {@link BenchmarkOptions#report()}.
	 * @param args {@code --name=value} options, see {@link BenchmarkOptions}
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		BenchmarkOptions options = BenchmarkOptions.parse(args);
		long started = System.nanoTime();
		WordCountBenchmark benchmark;
		try (BenchmarkCluster cluster = BenchmarkCluster.start()) {
			benchmark = new WordCountBenchmark(options, cluster);
			benchmark.run();
		}
		String report = ResultsTable.render(options, benchmark.results, benchmark.latencies,
				Duration.ofNanos(System.nanoTime() - started));
		Progress.publish(report, options.report());
	}

	private void run() throws InterruptedException {
		long loading = System.nanoTime();
		cluster.createTopics(options.partitions(), List.of(Workload.INPUT));
		InputLoader.load(cluster.bootstrapServers(), Workload.INPUT, options,
				Workload.eventTimeStart(Instant.now()));
		Progress.log("Loaded " + options.words() + " words into '" + Workload.INPUT + "' in "
				+ Duration.ofNanos(System.nanoTime() - loading).toMillis() + " ms");
		for (int round = 1; round <= options.rounds(); round++) {
			for (WordCountVariant variant : order(round)) {
				throughput(new Case(variant, variant == WordCountVariant.CONSUME_PRODUCE ? "none" : AT_LEAST_ONCE), round);
			}
		}
		if (options.exactlyOnce()) {
			throughput(new Case(WordCountVariant.KAFKA_STREAMS, EXACTLY_ONCE), 1);
			throughput(new Case(WordCountVariant.STREAMPLANE, EXACTLY_ONCE), 1);
		}
		latency();
	}

	private static List<WordCountVariant> order(int round) {
		return round % 2 == 1 ? List.of(WordCountVariant.KAFKA_STREAMS, WordCountVariant.STREAMPLANE, WordCountVariant.CONSUME_PRODUCE)
				: List.of(WordCountVariant.STREAMPLANE, WordCountVariant.KAFKA_STREAMS, WordCountVariant.CONSUME_PRODUCE);
	}

	private void throughput(Case key, int round) throws InterruptedException {
		if (results.failure(key).isPresent()) {
			return;
		}
		String name = key.variant().label() + ", " + key.guarantee() + ", round " + round;
		Progress.log("Measuring " + name);
		try {
			Throughput run = measure(key, "wordcount-" + key.variant().letter() + "-"
					+ (EXACTLY_ONCE.equals(key.guarantee()) ? "eos" : "alo") + "-" + round);
			results.measured(key, run);
			Progress.log(String.format("  %,.0f events/s (%,d words in %,d ms, %,d output records, %,d late)",
					run.perSecond(), run.records(), run.nanos() / 1_000_000, run.outputRecords(), run.droppedRecords()));
		}
		catch (RuntimeException ex) {
			results.failed(key, describe(ex));
			Progress.log("  not measured: " + describe(ex));
		}
	}

	private Throughput measure(Case key, String applicationId) throws InterruptedException {
		return switch ((WordCountVariant) key.variant()) {
			case STREAMPLANE -> {
				CompiledPipeline pipeline = streamplane(Workload.SPEC_FINAL, Workload.INPUT);
				yield measureStreams(pipeline.topology(), applicationId, key.guarantee(), pipeline.outputTopics(),
						Set.of(pipeline.deadLetterTopic()));
			}
			case KAFKA_STREAMS -> {
				String output = "word-counts-b";
				cluster.createTopics(options.partitions(), List.of(output));
				Topology topology = HandWrittenTopology.build(Workload.INPUT, output, Emit.FINAL);
				yield measureStreams(topology, applicationId, key.guarantee(), Set.of(output), Set.of());
			}
			case CONSUME_PRODUCE -> {
				String output = "word-counts-c";
				cluster.createTopics(options.partitions(), List.of(output));
				long before = cluster.recordsIn(output);
				Throughput run = ConsumeProduceLoop.measure(cluster.bootstrapServers(), Workload.INPUT, output,
						options.words());
				yield run.withOutputRecords(cluster.recordsIn(output) - before);
			}
		};
	}

	private Throughput measureStreams(Topology topology, String applicationId, String guarantee, Set<String> outputs,
			Set<String> deadLetters) throws InterruptedException {
		long outputsBefore = recordsIn(outputs);
		long deadLettersBefore = recordsIn(deadLetters);
		Throughput run = StreamsThroughput.measure(topology,
				BenchmarkStreamsConfig.throughput(cluster, applicationId, guarantee), options.words());
		return run.withOutputRecords(recordsIn(outputs) - outputsBefore)
			.withDroppedRecords(run.droppedRecords() + recordsIn(deadLetters) - deadLettersBefore);
	}

	private long recordsIn(Set<String> topics) {
		return topics.stream().mapToLong(cluster::recordsIn).sum();
	}

	private CompiledPipeline streamplane(String spec, String expectedInput) {
		CompiledPipeline pipeline = SpecResources.compile(spec);
		if (!pipeline.inputTopics().equals(Set.of(expectedInput))) {
			throw new BenchmarkException("The spec " + spec + " reads " + pipeline.inputTopics() + " but the benchmark "
					+ "loads '" + expectedInput + "'; make the spec's source topic '" + expectedInput + "'");
		}
		List<String> topics = new ArrayList<>(pipeline.outputTopics());
		topics.add(pipeline.deadLetterTopic());
		cluster.createTopics(options.partitions(), topics);
		return pipeline;
	}

	private void latency() throws InterruptedException {
		OptionalDouble rate = latencyRate();
		if (rate.isEmpty()) {
			results.note("Latency was not measured: neither (a) nor (b) has a maximum rate; set --latency-rate.");
			return;
		}
		latency(WordCountVariant.STREAMPLANE, rate.getAsDouble());
		latency(WordCountVariant.KAFKA_STREAMS, rate.getAsDouble());
	}

	private OptionalDouble latencyRate() {
		if (options.latencyRate() > 0) {
			results.note("Latency ran at the rate set with --latency-rate.");
			return OptionalDouble.of(options.latencyRate());
		}
		Optional<Double> streamplane = results.median(new Case(WordCountVariant.STREAMPLANE, AT_LEAST_ONCE));
		if (streamplane.isPresent()) {
			return OptionalDouble.of(streamplane.get() / 2);
		}
		Optional<Double> kafkaStreams = results.median(new Case(WordCountVariant.KAFKA_STREAMS, AT_LEAST_ONCE));
		kafkaStreams.ifPresent(max -> results.note("(a) has no maximum rate, so latency ran at half of (b)'s."));
		return kafkaStreams.map(max -> OptionalDouble.of(max / 2)).orElse(OptionalDouble.empty());
	}

	private void latency(WordCountVariant variant, double perSecond) throws InterruptedException {
		Progress.log(String.format("Measuring the latency of %s at %,.0f words/s", variant.label(), perSecond));
		String applicationId = "wordcount-" + variant.letter() + "-latency";
		try {
			LatencyResult result;
			if (variant == WordCountVariant.STREAMPLANE) {
				CompiledPipeline pipeline = streamplane(Workload.SPEC_UPDATES, Workload.LATENCY_INPUT);
				result = LatencyRun.measure(cluster, pipeline.topology(),
						BenchmarkStreamsConfig.latency(cluster, applicationId), Workload.LATENCY_INPUT,
						pipeline.outputTopics().iterator().next(), perSecond, options);
			}
			else {
				Topology topology = HandWrittenTopology.build("words-latency-b", "word-counts-latency-b", Emit.UPDATES);
				result = LatencyRun.measure(cluster, topology, BenchmarkStreamsConfig.latency(cluster, applicationId),
						"words-latency-b", "word-counts-latency-b", perSecond, options);
			}
			latencies.measured(variant, result);
			Progress.log(String.format("  p50 %d ms, p95 %d ms, p99 %d ms over %,d words (%,d unseen)", result.p50(),
					result.p95(), result.p99(), result.measured(), result.unseen()));
		}
		catch (RuntimeException ex) {
			latencies.failed(variant, describe(ex));
			Progress.log("  not measured: " + describe(ex));
		}
	}

	private static String describe(RuntimeException ex) {
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

}
