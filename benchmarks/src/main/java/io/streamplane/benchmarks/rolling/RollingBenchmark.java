package io.streamplane.benchmarks.rolling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.streamplane.benchmarks.harness.Arguments;
import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.BenchmarkStreamsConfig;
import io.streamplane.benchmarks.harness.Progress;
import io.streamplane.benchmarks.harness.SpecResources;
import io.streamplane.benchmarks.harness.Throughput;
import io.streamplane.benchmarks.wordcount.StreamsThroughput;
import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Issue 14's rolling-aggregate benchmark on the embedded broker: clicks keyed by user, spread
 * evenly over 24 hours of event time, through {@code rolling: { range: 24h }} count and a
 * {@code crossing} alert ({@code rolling/clicks-24h.yaml}). Reports events per second, the state per
 * key (the serialized slices, key included, as the store's changelog holds them last) and the peak
 * resident memory of this process (broker, producer and Kafka Streams together, heap preallocated).
 * <p>
 * Each round first runs a bare baseline on the same input and configuration: Kafka Streams copying
 * every record to an output topic, no parsing and no state, so the ratio shows what the pipeline
 * costs over the harness (producer, broker in the same JVM, consumer).
 * <p>
 * Run it with {@code benchmarks/run-rolling.sh [--events=N --users=N --partitions=N --rounds=N]}.
 */
public final class RollingBenchmark {

	private static final String INPUT = "rolling-clicks";

	private static final String BASELINE_OUTPUT = "rolling-baseline-copy";

	/** The changelog of the rolling step's store, after the application id. */
	private static final String STATE_CHANGELOG = "transforms.alerts.steps.0.state-changelog";

	private RollingBenchmark() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Map<String, String> options = Arguments.parse(Map.of("events", "1000000", "users", "100000", "partitions", "2",
				"rounds", "2", "report", "target/rolling-results.md"), args);
		long events = Long.parseLong(options.get("events"));
		int users = Integer.parseInt(options.get("users"));
		int partitions = Integer.parseInt(options.get("partitions"));
		List<String> rows = new ArrayList<>();
		try (BenchmarkCluster cluster = BenchmarkCluster.start()) {
			cluster.createTopics(partitions, List.of(INPUT));
			long loading = System.nanoTime();
			load(cluster.bootstrapServers(), events, users);
			Progress.log("Loaded " + events + " clicks of " + users + " users in "
					+ Duration.ofNanos(System.nanoTime() - loading).toMillis() + " ms");
			cluster.createTopics(partitions, List.of(BASELINE_OUTPUT));
			for (int round = 1; round <= Integer.parseInt(options.get("rounds")); round++) {
				Throughput copy = StreamsThroughput.measure(copy(), BenchmarkStreamsConfig.throughput(cluster,
						"rolling-baseline-" + round, StreamsConfig.AT_LEAST_ONCE), events);
				String baseline = String.format("| %d baseline (copy) | %,.0f | %,d | | | | |", round, copy.perSecond(),
						copy.nanos() / 1_000_000);
				Progress.log(baseline);
				rows.add(baseline);
				CompiledPipeline pipeline = SpecResources.compile("rolling/clicks-24h.yaml");
				List<String> topics = new ArrayList<>(pipeline.outputTopics());
				topics.add(pipeline.deadLetterTopic());
				cluster.createTopics(partitions, topics);
				long alertsBefore = cluster.recordsIn("rolling-click-alerts");
				Throughput run = StreamsThroughput.measure(pipeline.topology(), BenchmarkStreamsConfig.throughput(cluster,
						"rolling-" + round, StreamsConfig.AT_LEAST_ONCE), events);
				long alerts = cluster.recordsIn("rolling-click-alerts") - alertsBefore;
				long rss = peakRssBytes();
				StateSize state = StateSize.of(cluster.bootstrapServers(), "rolling-" + round + "-" + STATE_CHANGELOG);
				String row = String.format("| %d | %,.0f | %,d | %,d | %,d | %,.1f | %,d MiB |", round, run.perSecond(),
						run.nanos() / 1_000_000, alerts, state.keys(), state.bytesPerKey(), rss >> 20);
				Progress.log(row);
				rows.add(row);
			}
		}
		String report = "## Rolling aggregate, 24 h range (" + String.format("%,d", events) + " clicks, "
				+ String.format("%,d", users) + " users, " + partitions + " partitions, at least once)\n\n"
				+ "| round | events/s | ms | alerts | keys in state | state bytes / key | peak RSS (whole process) |\n"
				+ "|---|---|---|---|---|---|---|\n"
				+ String.join("\n", rows) + "\n";
		Progress.publish(report, options.get("report"));
	}

	/** The baseline: every input record copied to an output topic, bytes in, bytes out. */
	private static Topology copy() {
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream(INPUT, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
			.to(BASELINE_OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
		return builder.build();
	}

	private static void load(String bootstrap, long events, int users) {
		Random random = new Random(14);
		long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
		long step = Duration.ofHours(24).toMillis() / events;
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024))) {
			for (long i = 0; i < events; i++) {
				String user = "u" + random.nextInt(users);
				byte[] value = ("{\"ts\": " + (start + i * step) + ", \"user\": \"" + user + "\"}").getBytes(UTF_8);
				producer.send(new ProducerRecord<>(INPUT, user.getBytes(UTF_8), value));
			}
			producer.flush();
		}
	}

	/** The process's peak resident set size (VmHWM), or 0 where /proc is not available. */
	private static long peakRssBytes() throws IOException {
		Path status = Path.of("/proc/self/status");
		if (!Files.exists(status)) {
			return 0;
		}
		return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
			.map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(0L);
	}

}
