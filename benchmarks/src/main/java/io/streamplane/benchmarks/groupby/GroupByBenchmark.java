package io.streamplane.benchmarks.groupby;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.streamplane.benchmarks.harness.Arguments;
import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.BenchmarkStreamsConfig;
import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.benchmarks.harness.Throughput;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.streams.Topology;

/**
 * Issue 18's table group-by benchmark on the embedded broker: the changes of an orders table
 * ({@link GroupByWorkload}) loaded once into a single-partition topic, then, in the same run and
 * alternating their order round by round, (a) the Streamplane pipeline {@code groupby/orders-by-region.yaml}
 * and (b) the hand-written {@code KTable.groupBy().count()} ({@link HandWrittenCount}), each
 * measured from its first record consumed to the sentinel's group on its output
 * ({@link SentinelRun}). Both run with one stream thread, at least once, committing every 100 ms
 * ({@link BenchmarkStreamsConfig#latency}), so that (b)'s record cache flushes as it would in a
 * service that must show changes within a commit. Prints a markdown report with the a/b ratio per
 * round and the load average before and after.
 * <p>
 * Run it with {@code benchmarks/run-groupby.sh [--changes=N --rows=N --regions=N --rounds=N]}.
 */
public final class GroupByBenchmark {

	private static final String SPEC = "groupby/orders-by-region.yaml";

	private static final String OUTPUT_B = "groupby-regions-b";

	private GroupByBenchmark() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Map<String, String> options = Arguments.parse(Map.of("changes", "1000000", "rows", "100000", "regions", "100",
				"rounds", "2", "seed", "18", "report", "target/groupby-results.md"), args);
		long changes = Long.parseLong(options.get("changes"));
		int rows = Integer.parseInt(options.get("rows"));
		int regions = Integer.parseInt(options.get("regions"));
		String loadBefore = loadAverage();
		List<String> lines = new ArrayList<>();
		try (BenchmarkCluster cluster = BenchmarkCluster.start()) {
			cluster.createTopics(1, List.of(GroupByWorkload.ORDERS, OUTPUT_B));
			long loading = System.nanoTime();
			long records = GroupByWorkload.load(cluster.bootstrapServers(), changes, rows, regions,
					Long.parseLong(options.get("seed")));
			Progress.log(String.format("Loaded %,d table changes in %,d ms", records,
					Duration.ofNanos(System.nanoTime() - loading).toMillis()));
			for (int round = 1; round <= Integer.parseInt(options.get("rounds")); round++) {
				boolean aFirst = round % 2 == 1;
				Throughput first = aFirst ? streamplane(cluster, records, round) : handWritten(cluster, records, round);
				Throughput second = aFirst ? handWritten(cluster, records, round) : streamplane(cluster, records, round);
				Throughput a = aFirst ? first : second;
				Throughput b = aFirst ? second : first;
				String line = String.format("| %d | %s | %,.0f | %,d | %,.0f | %,d | %.2f |", round, aFirst ? "a, b" : "b, a",
						a.perSecond(), a.outputRecords(), b.perSecond(), b.outputRecords(), a.perSecond() / b.perSecond());
				Progress.log(line);
				lines.add(line);
			}
		}
		String report = String.format("## Table group-by (%,d changes of %,d orders in %d regions, 1 partition, "
				+ "at least once, commit 100 ms)%n%n", changes, rows, regions)
				+ "Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAverage() + "\n\n"
				+ "| round | order | (a) Streamplane groupBy changes/s | (a) output records | (b) KTable.groupBy().count() "
				+ "changes/s | (b) output records | a/b |\n|---|---|---|---|---|---|---|\n"
				+ String.join("\n", lines) + "\n";
		Progress.publish(report, options.get("report"));
	}

	private static Throughput streamplane(BenchmarkCluster cluster, long records, int round) throws InterruptedException {
		CompiledPipeline pipeline = SpecResources.compile(SPEC);
		List<String> topics = new ArrayList<>(pipeline.outputTopics());
		topics.add(pipeline.deadLetterTopic());
		cluster.createTopics(1, topics);
		long deadLetters = cluster.recordsIn(pipeline.deadLetterTopic());
		Throughput run = run(cluster, pipeline.topology(), "groupby-a-" + round, pipeline.outputTopics().iterator().next(),
				records);
		if (cluster.recordsIn(pipeline.deadLetterTopic()) != deadLetters) {
			throw new BenchmarkException("(a) dead-lettered records; the workload must be clean");
		}
		return run;
	}

	private static Throughput handWritten(BenchmarkCluster cluster, long records, int round) throws InterruptedException {
		return run(cluster, HandWrittenCount.build(GroupByWorkload.ORDERS, OUTPUT_B), "groupby-b-" + round, OUTPUT_B,
				records);
	}

	private static Throughput run(BenchmarkCluster cluster, Topology topology, String applicationId, String output,
			long records) throws InterruptedException {
		Progress.log("Measuring " + applicationId);
		Properties properties = BenchmarkStreamsConfig.latency(cluster, applicationId);
		Throughput run = SentinelRun.measure(cluster.bootstrapServers(), topology, properties, output, records);
		Progress.log(String.format("  %,.0f changes/s (%,d ms, %,d output records)", run.perSecond(),
				run.nanos() / 1_000_000, run.outputRecords()));
		return run;
	}

	private static String loadAverage() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		if (!Files.exists(loadavg)) {
			return "unknown";
		}
		String[] fields = Files.readString(loadavg).trim().split("\\s+");
		return fields[0] + ", " + fields[1] + ", " + fields[2];
	}

}
