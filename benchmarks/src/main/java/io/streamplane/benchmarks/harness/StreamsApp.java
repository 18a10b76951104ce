package io.streamplane.benchmarks.harness;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * One running Kafka Streams application of a benchmark run. A failed stream thread shuts the
 * application down and is reported by {@link #requireHealthy()}; {@link #close()} also deletes its
 * local state.
 */
public final class StreamsApp implements AutoCloseable {

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaStreams streams;

	private final String applicationId;

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private StreamsApp(KafkaStreams streams, String applicationId) {
		this.streams = streams;
		this.applicationId = applicationId;
	}

	public static StreamsApp start(Topology topology, Properties properties) {
		StreamsApp app = new StreamsApp(new KafkaStreams(topology, properties),
				properties.getProperty("application.id"));
		app.streams.setUncaughtExceptionHandler(ex -> {
			app.failure.compareAndSet(null, ex);
			return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
		});
		app.streams.start();
		return app;
	}

	/** Waits until every task is assigned and restored. */
	public void awaitRunning(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (streams.state() != KafkaStreams.State.RUNNING) {
			requireHealthy();
			if (System.nanoTime() > deadline) {
				throw new BenchmarkException(applicationId + " was not running after " + timeout.toSeconds()
						+ " s; it is " + streams.state());
			}
			Thread.sleep(10);
		}
	}

	/** @throws BenchmarkException if a stream thread failed or the application stopped */
	public void requireHealthy() {
		Throwable cause = failure.get();
		if (cause != null) {
			throw new BenchmarkException(applicationId + " failed: " + cause, cause);
		}
		if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
			throw new BenchmarkException(applicationId + " stopped; it is " + streams.state());
		}
	}

	/**
	 * Records the topology has taken from its source topics, over all tasks: Kafka Streams' own
	 * count, taken as each record enters its source node. (The consumer's per-topic counts would
	 * count topics with a dot in their name twice, once under a legacy name.)
	 */
	public long recordsConsumed() {
		return (long) sum("stream-topic-metrics", "records-consumed-total");
	}

	/** Records Kafka Streams dropped, e.g. for arriving after their window closed. */
	public long recordsDropped() {
		return (long) sum("stream-task-metrics", "dropped-records-total");
	}

	private double sum(String group, String name) {
		double total = 0;
		for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
			if (metric.getKey().group().equals(group) && metric.getKey().name().equals(name)) {
				total += ((Number) metric.getValue().metricValue()).doubleValue();
			}
		}
		return total;
	}

	@Override
	public void close() {
		streams.close(CLOSE_TIMEOUT);
		streams.cleanUp();
	}

}
