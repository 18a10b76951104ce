package io.streamplane.benchmarks.joins;

import java.time.Duration;
import java.util.Properties;

import io.streamplane.benchmarks.harness.BenchmarkCluster;
import io.streamplane.benchmarks.harness.BenchmarkException;
import io.streamplane.benchmarks.harness.StreamsApp;
import io.streamplane.benchmarks.harness.Throughput;
import org.apache.kafka.streams.Topology;

/**
 * Measures a join topology over the pre-loaded topics by its output: the run starts when the
 * application consumes its first record (a users row) and ends when the output topic has grown
 * by one record per page view, every view having a user. A join that misses rows (a view
 * processed before its user's row) would never get there: when the output stops growing for
 * {@link #QUIET} the run ends at its last growth, and the report shows the shortfall. A join
 * that writes nothing within {@link #START_TIMEOUT} of its first record fails the run.
 */
public final class OutputThroughput {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration QUIET = Duration.ofSeconds(10);

	private static final Duration POLL = Duration.ofMillis(20);

	private OutputThroughput() {
	}

	public static Throughput measure(BenchmarkCluster cluster, Topology topology, Properties properties, String output,
			long events) throws InterruptedException {
		long before = cluster.recordsIn(output);
		long target = before + events;
		try (StreamsApp app = StreamsApp.start(topology, properties)) {
			long opened = System.nanoTime();
			long started = 0;
			long written = before;
			long lastGrowth = 0;
			while (written < target) {
				app.requireHealthy();
				long now = System.nanoTime();
				if (started == 0 && app.recordsConsumed() > 0) {
					started = now;
				}
				long current = cluster.recordsIn(output);
				if (current > written) {
					written = current;
					lastGrowth = now;
				}
				else if (started == 0 && now - opened > START_TIMEOUT.toNanos()) {
					throw new BenchmarkException(properties.getProperty("application.id") + " consumed nothing in "
							+ START_TIMEOUT.toSeconds() + " s");
				}
				else if (started != 0 && lastGrowth == 0 && now - started > START_TIMEOUT.toNanos()) {
					throw new BenchmarkException(properties.getProperty("application.id") + " wrote nothing to " + output
							+ " in " + START_TIMEOUT.toSeconds() + " s after consuming its first record");
				}
				else if (lastGrowth != 0 && now - lastGrowth > QUIET.toNanos()) {
					break;
				}
				Thread.sleep(POLL);
			}
			long end = written >= target ? System.nanoTime() : lastGrowth;
			return new Throughput(events, end - started, written - before, app.recordsDropped());
		}
	}

}
