package io.streamplane.engine.compile;

import java.util.Set;

import io.streamplane.spec.DeliveryGuarantee;
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
 */
public record CompiledPipeline(String pipeline, Topology topology, Set<String> inputTopics, Set<String> outputTopics,
		String deadLetterTopic, DeliveryGuarantee guarantee) {
}
