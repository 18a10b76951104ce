package io.streamplane.spec;

import java.util.Objects;

/**
 * Where a source's records take their event time from. Written as
 * {@code eventTime: { field: ts, unit: seconds }} or, to compute it,
 * {@code eventTime: { expression: "timestamp(day + 'T00:00:00Z')" }}; when a source has no
 * {@code eventTime}, the Kafka record timestamp is the event time.
 */
public sealed interface EventTime {

	/** Event time is the Kafka record timestamp (the default). */
	static EventTime recordTimestamp() {
		return new RecordTimestamp();
	}

	/** Event time is read from a record field. */
	static EventTime field(String field, Unit unit) {
		return new Field(field, unit);
	}

	/** Event time is computed by an expression. */
	static EventTime computed(Expression expression) {
		return new Computed(expression);
	}

	/** The Kafka record timestamp, set by the producer or the broker. */
	record RecordTimestamp() implements EventTime {
	}

	/**
	 * A record field holding the event time.
	 *
	 * @param field the field name
	 * @param unit how the field encodes the instant
	 */
	record Field(String field, Unit unit) implements EventTime {

		public Field {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(unit, "unit");
		}

	}

	/**
	 * An expression over the record that evaluates to a CEL {@code timestamp}.
	 *
	 * @param expression the expression, of type {@code timestamp} (or {@code dyn} without a schema)
	 */
	record Computed(Expression expression) implements EventTime {

		public Computed {
			Objects.requireNonNull(expression, "expression");
		}

	}

	/** How an event-time field encodes an instant; written in lower case, e.g. {@code iso8601}. */
	enum Unit {

		/** A number of seconds since the UTC epoch; fractions allowed. */
		SECONDS,

		/** A number of milliseconds since the UTC epoch. */
		MILLIS,

		/** An ISO-8601 instant string such as {@code 2026-01-01T12:00:05Z}. */
		ISO8601

	}

}
