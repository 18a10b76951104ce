package io.streamplane.engine.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.spec.DeliveryGuarantee;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of one pipeline version: {@code spring.kafka.streams.*} and the
 * connection settings first, then what the engine decides, which always wins.
 * <ul>
 * <li>{@code application.id} {@code sp-<pipeline>-v<version>}: every instance runs a version under
 * the same id, so Kafka's group protocol spreads its partitions; a new version is a new id, with
 * fresh state that reprocesses its inputs from the earliest offset.</li>
 * <li>{@code processing.guarantee} {@code exactly_once_v2}, or {@code at_least_once} when the spec
 * asks for it.</li>
 * <li>{@code state.dir}, {@code num.stream.threads}, {@code num.standby.replicas},
 * {@code replication.factor} and {@code commit.interval.ms} from {@link EngineProperties}; without a
 * commit interval there, 50 ms for an exactly-once pipeline with feature
 * views (fresher tiles) and the Kafka Streams default otherwise.</li>
 * <li>{@code auto.offset.reset} {@code earliest}: a new application reads its inputs from the
 * start.</li>
 * <li>static group membership, {@code group.instance.id} {@code <application id>-<instance id>}:
 * an instance that restarts with the same {@code streamplane.engine.instance-id} within the session
 * timeout gets its partitions back without a rebalance, and closing an application removes its
 * members from the group at once (Kafka Streams only leaves a group on close for static
 * members).</li>
 * <li>{@link CompiledPipeline#requiredStreamsConfig()}: what the compiled topology needs.</li>
 * </ul>
 * Two defaults the engine sets only when {@code spring.kafka.streams.*} does not: the restore consumer's
 * {@code max.partition.fetch.bytes}, {@link #RESTORE_PARTITION_FETCH_BYTES}, and the producer's {@code linger.ms},
 * {@link #PRODUCER_LINGER_MS}.
 */
final class StreamsSettings {

	/**
	 * The commit interval of an exactly-once pipeline with feature views or indexes when
	 * {@code streamplane.engine.commit-interval} is not set: a tile or an index record is readable by the
	 * feature server or the indexer only once the transaction that wrote it commits, and a change crosses two
	 * transactions or more (the repartition by entity or row key, then the tile or index record), so the
	 * interval counts twice or more in the freshness of every feature and search.
	 */
	static final Duration SERVING_COMMIT_INTERVAL = Duration.ofMillis(50);

	/**
	 * The restore consumer's {@code max.partition.fetch.bytes} unless {@code spring.kafka.streams.*} sets
	 * {@code max.partition.fetch.bytes} with any prefix: 8 MiB rather than the consumer's 1 MiB. Restoring
	 * drains a partition's fetched data before the consumer asks the broker for more, so the restoring thread
	 * waits a round trip every 1 MiB (about 12,000 changelog records of a session window); larger fetches
	 * restored 1.05–1.10× as fast on a quiet machine and about 1.45× on a loaded one in the scale benchmark
	 * (docs/benchmarks.md, Scale, restore). A fetch response stays bounded by {@code fetch.max.bytes}
	 * (50 MiB).
	 */
	static final int RESTORE_PARTITION_FETCH_BYTES = 8 * 1024 * 1024;

	/**
	 * The producer's {@code linger.ms} unless {@code spring.kafka.streams.*} sets {@code linger.ms} with any prefix:
	 * 5 ms (the Kafka producer's own default since Kafka 4.0) rather than Kafka Streams' 100 ms. Every record a
	 * pipeline writes to a repartition or output topic waits in the producer until its batch is full or the linger
	 * ends (or a commit flushes it), and a change crosses two such hops or more (a CDC table's by-key repartition,
	 * then the output), so below a batch's worth of records per partition per linger each hop added up to 100 ms:
	 * the CDC commit → re-emitted view p95 (docs/benchmarks.md, CDC capture latency). At high rates batches fill
	 * before the linger ends either way.
	 */
	static final int PRODUCER_LINGER_MS = 5;

	private final Map<String, Object> base;

	private final EngineProperties properties;

	StreamsSettings(Map<String, Object> base, EngineProperties properties) {
		this.base = Map.copyOf(base);
		this.properties = properties;
	}

	private static Optional<Duration> servingCommitInterval(CompiledPipeline pipeline) {
		boolean serves = !pipeline.tileTopics().isEmpty() || !pipeline.indexTopics().isEmpty();
		return !serves || pipeline.guarantee() == DeliveryGuarantee.AT_LEAST_ONCE
				? Optional.empty() : Optional.of(SERVING_COMMIT_INTERVAL);
	}

	/** The application id of a pipeline version. */
	static String applicationId(String pipeline, int version) {
		return CompiledPipeline.applicationId(pipeline, version);
	}

	Properties forPipeline(CompiledPipeline pipeline, int version) {
		String applicationId = applicationId(pipeline.pipeline(), version);
		Properties config = new Properties();
		config.putAll(base);
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId + "-" + properties.instanceId());
		config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toAbsolutePath().toString());
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
				pipeline.guarantee() == DeliveryGuarantee.AT_LEAST_ONCE ? StreamsConfig.AT_LEAST_ONCE
						: StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.numStreamThreads());
		config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
		config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, properties.replicationFactor());
		properties.commitInterval()
			.or(() -> servingCommitInterval(pipeline))
			.ifPresent(interval -> config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, interval.toMillis()));
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
				applicationId + "-" + properties.instanceId());
		String fetchBytes = ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG;
		if (!config.containsKey(fetchBytes) && !config.containsKey(StreamsConfig.consumerPrefix(fetchBytes))
				&& !config.containsKey(StreamsConfig.restoreConsumerPrefix(fetchBytes))) {
			config.put(StreamsConfig.restoreConsumerPrefix(fetchBytes), RESTORE_PARTITION_FETCH_BYTES);
		}
		String linger = ProducerConfig.LINGER_MS_CONFIG;
		if (!config.containsKey(linger) && !config.containsKey(StreamsConfig.producerPrefix(linger))) {
			config.put(StreamsConfig.producerPrefix(linger), PRODUCER_LINGER_MS);
		}
		config.putAll(CompiledPipeline.requiredStreamsConfig());
		return config;
	}

}
