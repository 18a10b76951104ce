package io.streamplane.engine.compile;

import java.util.Set;

/**
 * The internal topics a pipeline version's earlier runs left (changelogs and repartition topics,
 * named without the application id and its dash, e.g.
 * {@code transforms.enriched.steps.0.remembered.rows-changelog}). The compiler compiles a step
 * whose state layout changed between engine releases in the old layout when that layout's topics
 * exist, so that a pipeline version an older engine started keeps its state across an engine
 * upgrade; a version without them, new or started by this engine, gets the current layout.
 */
@FunctionalInterface
public interface ExistingState {

	/** A version that never ran: every step in the current layout. */
	ExistingState NONE = name -> false;

	/**
	 * Whether the internal topic {@code name} exists.
	 * @param name the topic name without the application id prefix
	 */
	boolean hasInternalTopic(String name);

	/** The state whose internal topics, named without the application id prefix, are {@code names}. */
	static ExistingState of(Set<String> names) {
		Set<String> copy = Set.copyOf(names);
		return copy::contains;
	}

}
