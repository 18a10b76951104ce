package io.streamplane.benchmarks.streamjoin;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.BenchmarkStreamsConfig;
import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.benchmarks.harness.Results;
import io.streamplane.benchmarks.harness.Results.Case;
import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.benchmarks.harness.Throughput;
import io.streamplane.benchmarks.joins.OutputThroughput;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Stream–stream join on Streamplane's embedded broker: loads impressions and one click per
 * impression once, then measures, round by round in alternating order, the throughput of (a) the
 * Streamplane stream join and (b) the same join hand-written with {@code KStream.join} (with
 * {@code --join=left}, {@code KStream.leftJoin}) and {@code JoinWindows}, and prints a markdown report with the ratio a/b and the machine's load.
 * <p>
 * Run it with {@code benchmarks/run-stream-join.sh [--name=value ...]}; see {@link StreamJoinOptions}.
 */
public final class StreamJoinBenchmark {

	/**
	 * How long a join task waits for an input partition that is momentarily empty: the clicks reach
	 * the join through a repartition topic, and without waiting the impressions, read straight from
	 * their topic, would run ahead in event time until clicks are late. Both variants get it.
	 */
	static final int MAX_TASK_IDLE_MS = 500;

	private final StreamJoinOptions options;

	private final BenchmarkCluster cluster;

	private final Results results = new Results();

	private StreamJoinBenchmark(StreamJoinOptions options, BenchmarkCluster cluster) {
		this.options = options;
		this.cluster = cluster;
	}

	/**
	 * Runs the benchmark and writes the report to stdout and {@link StreamJoinOptions#report()}.
	 * @param args {@code --name=value} options, see {@link StreamJoinOptions}
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		StreamJoinOptions options = StreamJoinOptions.parse(args);
		long started = System.nanoTime();
		String loadBefore = StreamJoinReport.loadAverage();
		StreamJoinBenchmark benchmark;
		try (BenchmarkCluster cluster = BenchmarkCluster.start()) {
			benchmark = new StreamJoinBenchmark(options, cluster);
			benchmark.run();
		}
		String report = StreamJoinReport.render(options, benchmark.results, loadBefore,
				Duration.ofNanos(System.nanoTime() - started));
		Progress.publish(report, options.report());
	}

	private void run() throws InterruptedException {
		long loading = System.nanoTime();
		cluster.createTopics(options.partitions(), List.of(StreamJoinWorkload.IMPRESSIONS, StreamJoinWorkload.CLICKS));
		StreamJoinWorkload.load(cluster.bootstrapServers(), options);
		Progress.log(String.format("Loaded %,d impressions and as many clicks in %,d ms", options.impressions(),
				Duration.ofNanos(System.nanoTime() - loading).toMillis()));
		for (int round = 1; round <= options.rounds(); round++) {
			List<StreamJoinVariant> order = round % 2 == 1
					? List.of(StreamJoinVariant.KAFKA_STREAMS, StreamJoinVariant.STREAMPLANE)
					: List.of(StreamJoinVariant.STREAMPLANE, StreamJoinVariant.KAFKA_STREAMS);
			for (StreamJoinVariant variant : order) {
				throughput(new Case(variant, StreamsConfig.AT_LEAST_ONCE), round);
			}
		}
	}

	private void throughput(Case key, int round) throws InterruptedException {
		if (results.failure(key).isPresent()) {
			return;
		}
		Progress.log("Measuring " + key.variant().label() + ", round " + round + ", load " + StreamJoinReport.loadAverage());
		try {
			Throughput run = measure((StreamJoinVariant) key.variant(), "stream-join-" + key.variant().letter() + "-" + round);
			results.measured(key, run);
			Progress.log(String.format("  %,.0f records/s (%,d records in %,d ms, %,d output records, %,d dropped)",
					run.perSecond(), run.records(), run.nanos() / 1_000_000, run.outputRecords(), run.droppedRecords()));
		}
		catch (RuntimeException ex) {
			results.failed(key, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			Progress.log("  not measured: " + ex);
		}
	}

	private Throughput measure(StreamJoinVariant variant, String applicationId) throws InterruptedException {
		Properties settings = BenchmarkStreamsConfig.throughput(cluster, applicationId, StreamsConfig.AT_LEAST_ONCE);
		settings.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, MAX_TASK_IDLE_MS);
		return switch (variant) {
			case STREAMPLANE -> streamplane(settings);
			case KAFKA_STREAMS -> {
				String output = "clicked-impressions-b";
				cluster.createTopics(options.partitions(), List.of(output));
				Topology topology = HandWrittenStreamJoin.build(StreamJoinWorkload.IMPRESSIONS, StreamJoinWorkload.CLICKS,
						output, StreamJoinWorkload.WITHIN, StreamJoinWorkload.LATENESS, options.left());
				yield inputRecords(OutputThroughput.measure(cluster, topology, settings, output, options.impressions()));
			}
		};
	}

	private Throughput streamplane(Properties settings) throws InterruptedException {
		String spec = options.left() ? StreamJoinWorkload.LEFT_SPEC : StreamJoinWorkload.SPEC;
		CompiledPipeline pipeline = SpecResources.compile(spec);
		Set<String> inputs = Set.of(StreamJoinWorkload.IMPRESSIONS, StreamJoinWorkload.CLICKS);
		if (!pipeline.inputTopics().equals(inputs) || pipeline.outputTopics().size() != 1) {
			throw new BenchmarkException("The spec " + spec + " reads " + pipeline.inputTopics() +
					" and writes " + pipeline.outputTopics() + "; it must read " + inputs + " and write one topic");
		}
		List<String> topics = new ArrayList<>(pipeline.outputTopics());
		topics.add(pipeline.deadLetterTopic());
		cluster.createTopics(options.partitions(), topics);
		long deadLetters = cluster.recordsIn(pipeline.deadLetterTopic());
		Throughput run = inputRecords(OutputThroughput.measure(cluster, pipeline.topology(), settings,
				pipeline.outputTopics().iterator().next(), options.impressions()));
		return run.withDroppedRecords(run.droppedRecords() + cluster.recordsIn(pipeline.deadLetterTopic()) - deadLetters);
	}

	/** A run measured by its joined outputs (one per impression), counted in input records: impressions and clicks. */
	private Throughput inputRecords(Throughput run) {
		return new Throughput(2 * options.impressions(), run.nanos(), run.outputRecords(), run.droppedRecords());
	}

}
