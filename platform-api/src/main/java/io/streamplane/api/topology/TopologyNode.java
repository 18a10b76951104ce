package io.streamplane.api.topology;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One node of a {@link TopologyGraph}.
 *
 * @param id unique in the graph: the Kafka Streams node name for sources, processors and sinks (the spec path
 * of their step and what they do, e.g. {@code transforms.revenue_1m.steps.1.aggregate}), {@code store:<name>}
 * for a store, {@code topic:<name>} for a topic
 * @param kind what the node is
 * @param label a short name for people, naming the spec's step, e.g. {@code revenue_1m › window › aggregate}
 * @param name the Kafka Streams name of the node, store or topic (internal topics with the application id)
 * @param step the spec path of the step the node implements, e.g. {@code transforms.revenue_1m.steps[1]};
 * {@code null} for topics and for nodes no spec step names
 * @param stepKind what that step is: {@code source}, {@code table}, {@code merge}, a step name such as
 * {@code filter} or {@code window}, {@code output} or {@code feature view}; {@code null} without a step
 * @param subTopology the sub-topology of a source, processor, sink or store; {@code null} for topics
 * @param deadLetterPath whether the node only carries failed records to the dead-letter topic
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopologyNode(String id, NodeKind kind, String label, String name, String step, String stepKind,
		Integer subTopology, boolean deadLetterPath) {

	/** What a node of the graph is. */
	public enum NodeKind {

		/** Reads records from topics into a sub-topology. */
		SOURCE,

		/** Works on records: parses, filters, aggregates, joins, writes them out... */
		PROCESSOR,

		/** Writes records from a sub-topology to a topic. */
		SINK,

		/** A state store (RocksDB, backed by a changelog topic). */
		STORE,

		/** A topic the pipeline reads, declared in its spec. */
		INPUT_TOPIC,

		/** A topic the pipeline writes: an output of its spec, or the tiles of a feature view. */
		OUTPUT_TOPIC,

		/** The pipeline's dead-letter topic. */
		DEAD_LETTER_TOPIC,

		/** An internal topic that re-keys records between sub-topologies (joins' subscription topics too). */
		REPARTITION_TOPIC,

		/** The internal topic a store is backed up to, restored from after a move or a crash. */
		CHANGELOG_TOPIC

	}

}
