package io.streamplane.spec.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a stream join needs to know about the other stream while transforms are bound in data-flow
 * order: the names of the pipeline's sources and transforms, the schema of each bound so far, and
 * which of them are tables. Live views, filled by {@link PipelineBinder} as it goes.
 *
 * @param defined the names of all sources, tables and transforms
 * @param schemas the schema of each source and each transform bound so far
 * @param tables the names whose records are tables (change streams), not events
 */
record JoinableStreams(List<String> defined, Map<String, Schema> schemas, Set<String> tables) {

	/** None: a spec part outside transforms, where no stream join is written. */
	static JoinableStreams none() {
		return new JoinableStreams(List.of(), Map.of(), Set.of());
	}

	/** The streams of events a stream join may name: defined, and not a table. */
	List<String> streams() {
		return defined.stream().filter(name -> !tables.contains(name)).toList();
	}

}
