package io.streamplane.api.topology;

/**
 * One edge of a {@link TopologyGraph}.
 *
 * @param from the id of the node records come from (a processor, for a store edge)
 * @param to the id of the node they go to (the store, for a store edge)
 * @param kind what the edge is
 */
public record TopologyEdge(String from, String to, EdgeKind kind) {

	/** What an edge of the graph is. */
	public enum EdgeKind {

		/** Records flow from one node to the other. */
		RECORDS,

		/** A processor reads and writes a store. */
		STORE,

		/** A store is backed up to its changelog topic. */
		CHANGELOG

	}

}
