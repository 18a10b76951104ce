package io.streamplane.engine.compile.internal.topic;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.EventTime;

/**
 * Reads a record's event time, in epoch milliseconds, as its source declares: the Kafka record
 * timestamp, a field in seconds, milliseconds or ISO-8601, or a CEL expression. A missing or
 * malformed time, or one before 1970 (Kafka timestamps cannot be negative), is a
 * {@link RecordException}.
 */
public final class EventTimeReader {

	private final EventTime eventTime;

	private final CelEvaluator computed;

	/** A reader for the given declaration; plans the expression of a computed event time once. */
	public EventTimeReader(EventTime eventTime) {
		this.eventTime = eventTime;
		this.computed = eventTime instanceof EventTime.Computed(var expression) ? CelEvaluator.of(expression) : null;
	}

	/** The event time of a record read with the given Kafka timestamp. */
	public long read(String key, Row row, long recordTimestamp) {
		long millis = switch (eventTime) {
			case EventTime.RecordTimestamp ignored -> recordTimestamp;
			case EventTime.Field(String field, EventTime.Unit unit) -> field(field, unit, row);
			case EventTime.Computed ignored -> computed(key, row);
		};
		if (millis < 0) {
			throw new RecordException("event time " + millis + " ms is before 1970-01-01T00:00:00Z; Kafka cannot " +
					"carry negative timestamps");
		}
		return millis;
	}

	private static long field(String field, EventTime.Unit unit, Row row) {
		if (!row.fields().containsKey(field) || row.fields().get(field) == null) {
			throw new RecordException("missing event-time field '" + field + "'");
		}
		Object value = row.fields().get(field);
		return switch (unit) {
			case SECONDS -> seconds(field, value);
			case MILLIS -> millis(field, value);
			case ISO8601 -> iso8601(field, value);
		};
	}

	private static long seconds(String field, Object value) {
		return switch (value) {
			case Long seconds -> Math.multiplyExact(seconds, 1000L);
			case Double seconds when Double.isFinite(seconds) -> Math.round(seconds * 1000);
			default -> throw badTime(field, value, "a number of seconds since the epoch");
		};
	}

	private static long millis(String field, Object value) {
		return switch (value) {
			case Long millis -> millis;
			case Double millis when Double.isFinite(millis) && millis == Math.rint(millis) -> millis.longValue();
			default -> throw badTime(field, value, "a whole number of milliseconds since the epoch");
		};
	}

	private static long iso8601(String field, Object value) {
		if (value instanceof String text) {
			try {
				return Instant.parse(text).toEpochMilli();
			}
			catch (DateTimeParseException ex) {
				throw new RecordException("event-time field '" + field + "' is \"" + text +
						"\", expected an ISO-8601 instant such as 2026-01-01T12:00:05Z", ex);
			}
		}
		throw badTime(field, value, "an ISO-8601 instant string");
	}

	private long computed(String key, Row row) {
		Object value = computed.evaluate(key, row);
		if (value instanceof Instant instant) {
			return instant.toEpochMilli();
		}
		throw new RecordException("event-time expression \"" + computed.text() + "\" returned " +
				JsonValues.describe(JsonValues.fromCel(value)) + ", expected a timestamp");
	}

	private static RecordException badTime(String field, Object value, String expected) {
		return new RecordException("event-time field '" + field + "' is " + JsonValues.describe(value) + ", expected " +
				expected);
	}

}
