package io.streamplane.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation of a transform, applied to each record in turn. In a spec each step is an object
 * with one key naming the step; a window step also carries {@code aggregate}:
 *
 * <pre>
 * steps:
 *   - filter: "amount &gt; 0"
 *   - set: { is_high_value: "amount &gt;= 1000" }
 *   - select: [id, amount, is_high_value]
 *   - explode: { field: word, from: "line.split(' ')" }
 *   - keyBy: merchant_id                       # or { field: merchant_id, expression: "key" }
 *   - window: { tumbling: 1m, emit: final }
 *     aggregate: { revenue: "sum(amount)", payments: "count()" }
 *   - join: { table: customers, on: customer_id, type: inner }   # mode: reactive (default) | lookup
 * </pre>
 */
public sealed interface Step {

	/**
	 * Keeps the records for which the condition is true; drops the others.
	 *
	 * @param condition a {@code bool} expression
	 */
	record Filter(Expression condition) implements Step {

		public Filter {
			Objects.requireNonNull(condition, "condition");
		}

	}

	/**
	 * Adds or replaces fields. Every expression sees the record as it was before the step.
	 *
	 * @param fields the field names and their new values, in order
	 */
	record SetFields(Map<String, Expression> fields) implements Step {

		public SetFields {
			fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

	}

	/**
	 * Keeps only the named fields, in this order; fields a record lacks are left out.
	 *
	 * @param fields the field names
	 */
	record Select(List<String> fields) implements Step {

		public Select {
			fields = List.copyOf(fields);
		}

	}

	/**
	 * Replaces each record by one copy per element of a list, the element in a new field; an empty
	 * list drops the record.
	 *
	 * @param field the field that receives each element
	 * @param from a list-valued expression
	 */
	record Explode(String field, Expression from) implements Step {

		public Explode {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(from, "from");
		}

	}

	/**
	 * Re-keys the stream: the record key becomes the expression's value, which is also stored in
	 * {@code field}, so window results carry it. {@code keyBy: merchant_id} is short for
	 * {@code keyBy: { field: merchant_id, expression: merchant_id }}.
	 *
	 * @param field the field that holds the key
	 * @param expression computes the key
	 */
	record KeyBy(String field, Expression expression) implements Step {

		public KeyBy {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(expression, "expression");
		}

	}

	/**
	 * Groups records by key and event-time window and folds each group into one result record:
	 * the key field of the preceding {@link KeyBy} (if any), {@code window_start} and
	 * {@code window_end} (ISO-8601 UTC), and one field per aggregation.
	 *
	 * @param kind the window shape
	 * @param emit when results are emitted
	 * @param aggregations the results computed, at least one
	 */
	record Window(WindowKind kind, Emit emit, List<Aggregation> aggregations) implements Step {

		/** The field holding a window's inclusive start. */
		public static final String WINDOW_START = "window_start";

		/** The field holding a window's exclusive end. */
		public static final String WINDOW_END = "window_end";

		public Window {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(emit, "emit");
			aggregations = List.copyOf(aggregations);
			if (aggregations.isEmpty()) {
				throw new IllegalArgumentException("a window needs at least one aggregation");
			}
		}

	}

	/**
	 * Joins each row with the row of a table whose primary key equals the value of {@code on}
	 * (a primary-key or foreign-key join). The result has the row's fields, then the table row's
	 * fields; a table field whose name the row already has is renamed {@code <table>_<field>}.
	 * Joining a table, or a stream in {@link JoinMode#REACTIVE} mode, yields a table: a change
	 * stream that retracts and re-emits results when either side changes.
	 *
	 * @param table the table joined
	 * @param on computes the primary key of the table row to join: its value for a single-column
	 * key, a list of the values in primary-key order for a composite key
	 * @param type inner or left
	 * @param mode how a stream follows the table's changes; ignored when joining a table
	 */
	record Join(String table, Expression on, JoinType type, JoinMode mode) implements Step {

		public Join {
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(on, "on");
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(mode, "mode");
		}

	}

}
