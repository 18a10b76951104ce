package io.streamplane.spec.internal;

import java.util.Optional;

import io.streamplane.spec.Emit;
import io.streamplane.spec.Step;
import io.streamplane.spec.WindowKind;

/**
 * Tracks, step by step, whether a transform's records include retractions: after a session
 * window with {@code emit: updates}, which retracts ({@code "op": "-"}) the sessions a later record
 * merged away. No step handles such rows yet (a filter or aggregate would take a retraction for a
 * record), so a step after that window, or a transform reading it, is reported; an output may
 * write it.
 */
final class SessionRetractions {

	static final String MESSAGE = "follows a session window with emit: updates, whose rows include retractions " +
			"({\"op\": \"-\"}) of the sessions a later record merged away, which no step handles yet; write that " +
			"transform to an output as it is, or use emit: final";

	private SessionRetractions() {
	}

	/**
	 * Whether the records include retractions after {@code step}; reports a step after such a window.
	 * @param retracting whether they include retractions before it
	 */
	static boolean after(Node node, Optional<Step> step, boolean retracting) {
		if (retracting) {
			node.report("this step " + MESSAGE);
		}
		return retracting || step.filter(SessionRetractions::retracts).isPresent();
	}

	private static boolean retracts(Step step) {
		return step instanceof Step.Window window && window.kind() instanceof WindowKind.Session
				&& window.emit() == Emit.UPDATES;
	}

}
