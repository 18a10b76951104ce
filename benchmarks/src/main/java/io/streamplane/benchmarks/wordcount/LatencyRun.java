package io.streamplane.benchmarks.wordcount;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import io.streamplane.benchmarks.harness.LatencyResult;
import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.OutputWatcher;
import io.streamplane.benchmarks.harness.StreamsApp;
import org.apache.kafka.streams.Topology;

/**
 * Measures end-to-end latency of a topology that writes count updates ({@code emit: updates}):
 * starts it on empty topics, waits until it runs, sends words at a fixed rate through warm-up and
 * measurement, then lets the output drain and joins sends with updates.
 */
final class LatencyRun {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration DRAIN = Duration.ofSeconds(3);

	private LatencyRun() {
	}

	static LatencyResult measure(BenchmarkCluster cluster, Topology topology, Properties properties, String input,
			String output, double perSecond, BenchmarkOptions options) throws InterruptedException {
		cluster.createTopics(options.partitions(), List.of(input, output));
		Random random = new Random(options.seed() + 1);
		Dictionary dictionary = Dictionary.random(options.dictionarySize(), random);
		try (StreamsApp app = StreamsApp.start(topology, properties)) {
			app.awaitRunning(START_TIMEOUT);
			OutputWatcher<CountUpdate> watcher = OutputWatcher.start(cluster.bootstrapServers(), output,
					CountUpdate::decode);
			long measureFrom = System.currentTimeMillis() + options.latencyWarmup().toMillis();
			SendLog sends;
			try {
				sends = PacedProducer.run(cluster.bootstrapServers(), input, perSecond,
						options.latencyWarmup().plus(options.latencyDuration()), dictionary, random);
				Thread.sleep(DRAIN);
			}
			catch (RuntimeException | InterruptedException ex) {
				watcher.stop();
				throw ex;
			}
			List<CountUpdate> updates = watcher.stop();
			app.requireHealthy();
			return LatencyJoin.join(sends, updates, measureFrom, perSecond);
		}
	}

}
