package io.streamplane.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 *   - join: { stream: clicks, on: impression_id, streamOn: impression_id, within: 10m }
 *   - groupBy: { by: [region], having: "orders &gt;= 2" }          # over a table only
 *     aggregate: { orders: "count()", revenue: "sum(amount)" }
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
	 * Drops a record when a record of the same key with the same {@code by} value passed less than
	 * {@code within} before or after it, in event time. Per-key state, expired by event time.
	 *
	 * @param by the value that identifies duplicates within a key; empty: the key alone
	 * @param within how long, in event time, a value is remembered; positive
	 */
	record Dedupe(Optional<Expression> by, Duration within) implements Step {

		public Dedupe {
			Objects.requireNonNull(by, "by");
			Objects.requireNonNull(within, "within");
			if (within.isNegative() || within.isZero()) {
				throw new IllegalArgumentException("dedupe needs a positive duration, got " + within);
			}
		}

	}

	/**
	 * Per-key running aggregates over every record of the key so far (no window), added to each
	 * record as fields, e.g. {@code running: { events: "count()", spent: "sum(amount)" }}, and the
	 * value at the key's previous record, {@code last_amount: "previous(amount)"}. Per-key state.
	 *
	 * @param aggregations the results, at least one; {@code collect} and {@code count_distinct},
	 * which grow without bound, are not allowed
	 */
	record Running(List<Aggregation> aggregations) implements Step {

		public Running {
			aggregations = List.copyOf(aggregations);
			if (aggregations.isEmpty()) {
				throw new IllegalArgumentException("running needs at least one aggregation");
			}
			for (Aggregation aggregation : aggregations) {
				if (aggregation.function() == AggregateFunction.COLLECT ||
						aggregation.function() == AggregateFunction.COUNT_DISTINCT) {
					throw new IllegalArgumentException("running aggregation '" + aggregation.name() + "': " +
							aggregation.function() + " grows without bound");
				}
			}
		}

	}

	/**
	 * Adds to each record the aggregates of its key over the time range that ends at the record,
	 * e.g. clicks per user in the last 24 hours: {@code rolling: { range: 24h, slice: 1m }} with
	 * {@code aggregate: { clicks_24h: "count()" }}. Records are folded into epoch-aligned slices of
	 * {@code slice}; a record at event time {@code t} sees the slices of its key from
	 * {@code sliceEnd(t) - range} up to {@code sliceEnd(t)}, where {@code sliceEnd(t)} is the end of
	 * the slice holding {@code t}: the hopping window of size {@code range} advancing by {@code slice}
	 * that closes right after the record. Per-key state of at most {@code range / slice} slices.
	 *
	 * @param range how far back a record sees; positive, a multiple of {@code slice}
	 * @param slice the granularity with which the range's start moves; positive
	 * @param aggregations the results, at least one; not {@code collect}, {@code count_distinct} or
	 * {@code previous}
	 */
	record Rolling(Duration range, Duration slice, List<Aggregation> aggregations) implements Step {

		public Rolling {
			Objects.requireNonNull(range, "range");
			Objects.requireNonNull(slice, "slice");
			aggregations = List.copyOf(aggregations);
			if (slice.isNegative() || slice.isZero() || range.toMillis() % slice.toMillis() != 0 || range.isZero()) {
				throw new IllegalArgumentException("rolling needs a positive range that is a multiple of a positive " +
						"slice, got range " + range + " and slice " + slice);
			}
			if (aggregations.isEmpty()) {
				throw new IllegalArgumentException("rolling needs at least one aggregation");
			}
		}

		/** The number of slices a record sees. */
		public int slices() {
			return Math.toIntExact(range.toMillis() / slice.toMillis());
		}

	}

	/**
	 * Passes a record only when its value crosses a threshold upwards, per key: the previous value
	 * of the key (none for its first record) was below the threshold and this one is at or above
	 * it. Once per crossing: the threshold fires again only after the value fell below it. A record
	 * that crosses several thresholds passes once per threshold, lowest first. Per-key state.
	 *
	 * @param value a number expression
	 * @param thresholds {@code Long} or {@code Double} values, strictly ascending, at least one
	 * @param field the field that receives the threshold crossed
	 */
	record Crossing(Expression value, List<Number> thresholds, String field) implements Step {

		/** The field that receives the threshold crossed unless {@code as} names another. */
		public static final String DEFAULT_FIELD = "threshold";

		public Crossing {
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(field, "field");
			thresholds = List.copyOf(thresholds);
			if (thresholds.isEmpty()) {
				throw new IllegalArgumentException("crossing needs at least one threshold");
			}
			for (int i = 1; i < thresholds.size(); i++) {
				if (thresholds.get(i).doubleValue() <= thresholds.get(i - 1).doubleValue()) {
					throw new IllegalArgumentException("crossing thresholds must be strictly ascending: " + thresholds);
				}
			}
		}

	}

	/**
	 * Passes a record only when its value differs from the previous value of its key, the first
	 * record of a key included; the previous value ({@code null} for the first) can be added as a
	 * field. Per-key state: the last value of each key.
	 *
	 * @param of the value watched
	 * @param previous the field that receives the previous value; empty: none added
	 */
	record Changes(Expression of, Optional<String> previous) implements Step {

		public Changes {
			Objects.requireNonNull(of, "of");
			Objects.requireNonNull(previous, "previous");
		}

	}

	/**
	 * Joins each record with the records of another stream whose join key is equal and whose event
	 * time is at most {@code within} before or after its own (an interval join: Kafka Streams'
	 * {@code JoinWindows}, ksqlDB's {@code WITHIN}), e.g. impressions with the clicks that follow them:
	 *
	 * <pre>
	 * - join: { stream: clicks, on: impression_id, streamOn: impression_id, within: 10m }
	 * </pre>
	 *
	 * Each pair yields one record with the
	 * record's fields, then the other record's; a field of the other record whose name the record
	 * already has is renamed {@code <stream>_<field>}, except the join key when {@code on} and
	 * {@code streamOn} name the same field. The result's event time is the later of the two. A record
	 * more than {@code within} plus the sources' lateness behind the join's stream time can no longer
	 * meet all its matches and is dead-lettered as late. A left, right or full join also emits each
	 * kept event that found no match, once its window has closed, with {@code null} for the other
	 * side's declared fields.
	 *
	 * @param stream the source or transform joined, a stream of events
	 * @param on the join key of this stream's records
	 * @param streamOn the join key of the other stream's records
	 * @param within the largest event-time difference between two joined records; positive
	 * @param type which events without a match are emitted
	 * @param fields this stream's fields as its schema declares them, set to {@code null} in an
	 * other event without a match; empty when undeclared
	 * @param streamFields the same of the other stream
	 */
	record StreamJoin(String stream, Expression on, Expression streamOn, Duration within, StreamJoinType type,
			List<String> fields, List<String> streamFields) implements Step {

		public StreamJoin {
			Objects.requireNonNull(stream, "stream");
			Objects.requireNonNull(on, "on");
			Objects.requireNonNull(streamOn, "streamOn");
			Objects.requireNonNull(within, "within");
			Objects.requireNonNull(type, "type");
			fields = List.copyOf(fields);
			streamFields = List.copyOf(streamFields);
			if (within.isNegative() || within.isZero()) {
				throw new IllegalArgumentException("a stream join needs a positive within, got " + within);
			}
		}

		/** An inner join. */
		public StreamJoin(String stream, Expression on, Expression streamOn, Duration within) {
			this(stream, on, streamOn, within, StreamJoinType.INNER, List.of(), List.of());
		}

	}

	/**
	 * Joins each row with the row of a table whose primary key equals the value of {@code on}
	 * (a primary-key or foreign-key join). The result has the row's fields, then the table row's
	 * fields; the table's primary-key fields that {@code on} names as fields of the row keep the row's
	 * field, any other table field whose name the row already has is renamed {@code <table>_<field>}.
	 * Joining a table, or a stream in {@link JoinMode#REACTIVE} mode, yields a table: a change
	 * stream that retracts and re-emits results when either side changes. A {@link JoinType#RIGHT right}
	 * or {@link JoinType#FULL full} join, of a table only, also has the table rows that no row matches.
	 *
	 * @param table the table joined
	 * @param on computes the primary key of the table row to join: its value for a single-column
	 * key, a list of the values in primary-key order for a composite key
	 * @param type inner, left, or with a table on the left right or full
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

	/**
	 * Aggregates the rows of a table per group, reactively: the result is a table with one row per
	 * group, keyed by the group, holding the {@code by} fields and one field per aggregation. An
	 * update of a row that changes its group moves it from one group to the other; a delete removes
	 * it; a group with no rows left, or one that {@code having} excludes, is retracted.
	 *
	 * @param by the fields whose values form the group, at least one, in order
	 * @param aggregations the results, at least one; only {@code count}, {@code sum}, {@code avg},
	 * {@code min}, {@code max} and {@code count_distinct}, which can take a row back out
	 * @param having a bool expression over the result row; empty: every group with rows is kept
	 */
	record GroupBy(List<String> by, List<Aggregation> aggregations, Optional<Expression> having) implements Step {

		public GroupBy {
			by = List.copyOf(by);
			aggregations = List.copyOf(aggregations);
			Objects.requireNonNull(having, "having");
			if (by.isEmpty()) {
				throw new IllegalArgumentException("groupBy needs at least one field");
			}
			if (aggregations.isEmpty()) {
				throw new IllegalArgumentException("groupBy needs at least one aggregation");
			}
			for (Aggregation aggregation : aggregations) {
				if (!aggregation.function().retractable()) {
					throw new IllegalArgumentException("groupBy aggregation '" + aggregation.name() + "': " +
							aggregation.function() + " cannot take a row back out");
				}
			}
		}

	}

}
