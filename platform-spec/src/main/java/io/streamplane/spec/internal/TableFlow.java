package io.streamplane.spec.internal;

import java.util.Locale;
import java.util.Optional;

import io.streamplane.spec.JoinMode;
import io.streamplane.spec.Step;

/**
 * Tracks, step by step, whether a transform's records are a table (a change stream with
 * retractions) rather than a stream of events: they are after reading a table, after a reactive
 * join and after a group-by. Only per-row steps, joins and group-bys keep the meaning of a table; a
 * step that would count or re-key retractions as events is reported, and so is a group-by of events.
 */
final class TableFlow {

	private TableFlow() {
	}

	/**
	 * Whether the records are a table after {@code step}; reports a step a table cannot take.
	 * @param table whether they are a table before it
	 */
	static boolean after(Node node, Optional<Step> step, boolean table) {
		if (step.isEmpty()) {
			return table;
		}
		return switch (step.get()) {
			case Step.Join join when table && join.mode() == JoinMode.LOOKUP && node.field("join").has("mode") -> {
				node.field("join").field("mode").report("mode: lookup joins a stream of events; these records are " +
						"already a table, which always joins reactively; remove mode");
				yield true;
			}
			case Step.Join join when !table && join.type().keepsUnmatchedTableRows() -> {
				node.field("join").field("type").report("type: " + join.type().name().toLowerCase(Locale.ROOT) +
						" also emits the rows of table '" + join.table() + "' that nothing joins, which needs a table " +
						"on the left; these records are a stream of events, which never ends, so no event can be known " +
						"not to come; write type: left to keep every event, with or without a match");
				yield join.mode() == JoinMode.REACTIVE;
			}
			case Step.Join join -> table || join.mode() == JoinMode.REACTIVE;
			case Step.Filter filter -> table;
			case Step.SetFields set -> table;
			case Step.Select select -> table;
			case Step.GroupBy groupBy -> {
				if (!table) {
					node.field("groupBy").report("groupBy aggregates the rows of a table, and these records are a stream " +
							"of events; aggregate events with a window or running step, or read a table (tables:)");
				}
				yield true;
			}
			default -> {
				if (table) {
					node.report("this step does not apply to a table (a change stream of insertions and retractions); " +
							"only filter, set, select, join and groupBy do; join in mode: lookup to get a stream of events");
				}
				yield table;
			}
		};
	}

}
