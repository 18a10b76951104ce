package io.streamplane.benchmarks.harness;

import java.util.Properties;

import io.streamplane.engine.compile.CompiledPipeline;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration variants (a) and (b) share, so they differ only in topology:
 * one stream thread, the chosen guarantee, reading from the earliest offset, what the engine's
 * topologies need ({@link CompiledPipeline#requiredStreamsConfig()}), Kafka Streams' defaults otherwise (record cache 10 MiB; commit interval 30 s at least once, 100 ms exactly once).
 */
public final class BenchmarkStreamsConfig {

	/** The commit interval of latency runs: it bounds how long updates wait in the record cache. */
	public static final int LATENCY_COMMIT_INTERVAL_MS = 100;

	private BenchmarkStreamsConfig() {
	}

	/**
	 * @param guarantee {@link StreamsConfig#AT_LEAST_ONCE} or {@link StreamsConfig#EXACTLY_ONCE_V2}
	 */
	public static Properties throughput(BenchmarkCluster cluster, String applicationId, String guarantee) {
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
		properties.put(StreamsConfig.STATE_DIR_CONFIG, cluster.stateDirectory(applicationId).toString());
		properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
		properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		properties.putAll(CompiledPipeline.requiredStreamsConfig());
		return properties;
	}

	/** As {@link #throughput} at least once, committing (and so flushing updates) every 100 ms. */
	public static Properties latency(BenchmarkCluster cluster, String applicationId) {
		Properties properties = throughput(cluster, applicationId, StreamsConfig.AT_LEAST_ONCE);
		properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, LATENCY_COMMIT_INTERVAL_MS);
		return properties;
	}

}
