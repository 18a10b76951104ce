package io.streamplane.engine.compile.internal.feature;

import java.util.Map;

import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.window.AggregateInputs;
import io.streamplane.engine.compile.internal.window.WindowInput;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.spec.Aggregation;

/**
 * Folds one record into the partials of a tile. Each {@link Aggregation} is named by its partial id
 * ({@code sum(amount)}) and its argument value has been evaluated by {@link WindowInput}. A
 * {@code null} value leaves the partial as it is (as SQL aggregates skip nulls), so a tile may lack
 * the partial of a function that only saw nulls; {@code count()} counts every record. A {@code sum} or
 * {@code avg} declared an exact decimal keeps its values' exact text ({@link PartialAggregate.DecimalSum},
 * {@link PartialAggregate.DecimalAvg}), each already rounded to the declared scale and checked against its
 * precision.
 */
final class TilePartials {

	private TilePartials() {
	}

	/**
	 * Adds a record to {@code partials}, in place.
	 *
	 * @param aggregation the aggregate, named by its partial id
	 * @param value the argument's value for the record ({@code null} for {@code count()})
	 * @param timeMs the record's event time
	 * @throws RecordException if min or max gets a value that is not a number
	 */
	static void add(Map<String, PartialAggregate> partials, Aggregation aggregation, Object value, long timeMs) {
		String id = aggregation.name();
		PartialAggregate before = partials.get(id);
		if (value == null && aggregation.argument().isPresent()) {
			return;
		}
		PartialAggregate next = switch (aggregation.function()) {
			case COUNT -> new PartialAggregate.Count(before == null ? 1 : ((PartialAggregate.Count) before).n() + 1);
			case SUM -> merged(before, aggregation.decimal().isPresent() ? new PartialAggregate.DecimalSum(decimal(value))
					: new PartialAggregate.Sum(number(id, value)));
			case MIN -> merged(before, new PartialAggregate.Min(number(id, value)));
			case MAX -> merged(before, new PartialAggregate.Max(number(id, value)));
			case AVG -> merged(before, aggregation.decimal().isPresent() ? new PartialAggregate.DecimalAvg(decimal(value), 1)
					: new PartialAggregate.Avg(number(id, value), 1));
			case FIRST -> merged(before, new PartialAggregate.First(value, timeMs));
			case LAST -> merged(before, new PartialAggregate.Last(value, timeMs));
			case COUNT_DISTINCT -> (before == null ? PartialAggregate.Distinct.empty() : (PartialAggregate.Distinct) before)
				.add(value);
			case COLLECT, PREVIOUS -> throw new IllegalStateException(aggregation.function() +
					" is not a feature; the spec binder refuses it");
		};
		partials.put(id, next);
	}

	private static PartialAggregate merged(PartialAggregate before, PartialAggregate next) {
		return before == null ? next : before.merge(next);
	}

	/** A decimal's value, which {@link AggregateInputs} has made its exact text at the declared scale. */
	private static String decimal(Object value) {
		return (String) value;
	}

	private static double number(String id, Object value) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		throw new RecordException(id + " needs a number, got " + JsonValues.describe(value));
	}

}
