package io.streamplane.api.topology;

import java.util.List;

/**
 * The Kafka Streams topology a pipeline version compiles to, as a graph for people to read: every source,
 * processor and sink of every sub-topology, the state stores, and the topics between them, each node labelled
 * with the spec step it implements.
 *
 * @param pipeline the pipeline name
 * @param version the pipeline version
 * @param applicationId the Kafka Streams application id the version runs under; internal topics start with it
 * @param subTopologies the sub-topologies (Kafka Streams tasks are one per sub-topology and input partition)
 * @param nodes every node, sub-topology by sub-topology, then the topics
 * @param edges how records flow between nodes, and which processors use which stores
 */
public record TopologyGraph(String pipeline, int version, String applicationId, List<SubTopology> subTopologies,
		List<TopologyNode> nodes, List<TopologyEdge> edges) {

	public TopologyGraph {
		subTopologies = List.copyOf(subTopologies);
		nodes = List.copyOf(nodes);
		edges = List.copyOf(edges);
	}

	/**
	 * One sub-topology: a part of the graph connected by records in memory, apart from the others by topics.
	 *
	 * @param id its number, as Kafka Streams numbers it (task ids are {@code <id>_<partition>})
	 * @param nodes the ids of its sources, processors, sinks and stores
	 */
	public record SubTopology(int id, List<String> nodes) {

		public SubTopology {
			nodes = List.copyOf(nodes);
		}

	}

}
