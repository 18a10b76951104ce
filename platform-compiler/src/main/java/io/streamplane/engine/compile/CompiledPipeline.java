package io.streamplane.engine.compile;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.streamplane.spec.DeliveryGuarantee;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * A pipeline spec compiled to a Kafka Streams topology, with what the runtime needs to run it.
 *
 * @param pipeline the pipeline name
 * @param topology the topology; build a new one per {@code KafkaStreams} instance
 * @param inputTopics the user topics the topology reads
 * @param outputTopics the user topics the topology writes
 * @param deadLetterTopic the topic that receives records that could not be processed or were late
 * @param guarantee the processing guarantee the spec asks for
 * @param tileTopics the tile topics of the feature views ({@code sp.features.<pipeline>.<view>}), with how
 * long each must keep records: twice the view's retention plus its lateness, at least a day, so a new
 * feature server replica reading from the beginning finds every tile it serves
 * @param indexTopics the index topics of the vector indexes ({@code sp.index.<pipeline>.<index>}), compacted
 */
public record CompiledPipeline(String pipeline, Topology topology, Set<String> inputTopics, Set<String> outputTopics,
		String deadLetterTopic, DeliveryGuarantee guarantee, Map<String, Duration> tileTopics, Set<String> indexTopics) {

	public CompiledPipeline {
		tileTopics = Map.copyOf(tileTopics);
		indexTopics = Set.copyOf(indexTopics);
	}

	/**
	 * The Kafka Streams application id of a pipeline version, {@code sp-<pipeline>-v<version>}: the consumer
	 * group of every instance running it, and the prefix of its internal (changelog and repartition) topics.
	 */
	public static String applicationId(String pipeline, int version) {
		return "sp-" + pipeline + "-v" + version;
	}

	/**
	 * Kafka Streams settings every compiled topology needs, to be put over any other settings: windows with
	 * {@code emit: final} check for closed windows at every record that advances stream time
	 * ({@code __emit.interval.ms.kstreams.windowed.aggregation__} 0). Kafka Streams' default checks at most once a
	 * second of wall-clock time, so a window closed by a record arriving within a second of the last check
	 * would wait for a later record, possibly for ever.
	 */
	public static Map<String, Object> requiredStreamsConfig() {
		return Map.of(StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION, "0");
	}

	/** A pipeline without feature views or indexes. */
	public CompiledPipeline(String pipeline, Topology topology, Set<String> inputTopics, Set<String> outputTopics,
			String deadLetterTopic, DeliveryGuarantee guarantee) {
		this(pipeline, topology, inputTopics, outputTopics, deadLetterTopic, guarantee, Map.of(), Set.of());
	}

}
