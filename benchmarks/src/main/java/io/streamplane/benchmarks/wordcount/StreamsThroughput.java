package io.streamplane.benchmarks.wordcount;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.StreamsApp;
import io.streamplane.benchmarks.harness.Throughput;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Measures a Kafka Streams topology over the pre-loaded input topic. Every word passes each
 * sub-topology once (input, then the repartition by word), so the run is complete when the
 * application has consumed {@code records} times its number of source topics; throughput is the
 * input records over the time from the first record consumed to that point.
 */
public final class StreamsThroughput {

	private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private StreamsThroughput() {
	}

	public static Throughput measure(Topology topology, Properties properties, long records) throws InterruptedException {
		long expected = records * sourceTopics(topology);
		try (StreamsApp app = StreamsApp.start(topology, properties)) {
			long started = 0;
			long consumed = 0;
			long lastProgress = System.nanoTime();
			while (consumed < expected) {
				app.requireHealthy();
				long now = System.nanoTime();
				long current = app.recordsConsumed();
				if (current > consumed) {
					consumed = current;
					lastProgress = now;
					started = started == 0 ? now : started;
				}
				else if (now - lastProgress > (started == 0 ? START_TIMEOUT : STALL_TIMEOUT).toNanos()) {
					throw new BenchmarkException(properties.getProperty("application.id") + " stalled after consuming "
							+ consumed + " of " + expected + " records (" + records + " words × "
							+ expected / records + " source topics)");
				}
				Thread.sleep(5);
			}
			return new Throughput(records, System.nanoTime() - started, 0, app.recordsDropped());
		}
	}

	private static long sourceTopics(Topology topology) {
		Set<String> topics = topology.describe()
			.subtopologies()
			.stream()
			.flatMap(subtopology -> subtopology.nodes().stream())
			.filter(TopologyDescription.Source.class::isInstance)
			.map(node -> ((TopologyDescription.Source) node).topicSet())
			.filter(Objects::nonNull)
			.flatMap(Set::stream)
			.collect(Collectors.toSet());
		return Math.max(1, topics.size());
	}

}
