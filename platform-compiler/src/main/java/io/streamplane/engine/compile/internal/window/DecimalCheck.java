package io.streamplane.engine.compile.internal.window;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.operator.RowOperator;
import io.streamplane.engine.compile.internal.value.Decimals;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.Aggregation;

/**
 * Fails a result whose decimal aggregate overflowed its declared precision, so that it goes to the
 * dead-letter topic with the aggregate, the value and the type instead of being written rounded or
 * cut: the operator after a window's or a group's results, and the check {@code running} and
 * {@code rolling} steps make before they keep their state.
 */
public final class DecimalCheck extends RowOperator {

	private final List<Aggregation> decimals;

	/** @param aggregations the step's aggregations; only those declared a decimal are checked */
	public DecimalCheck(String path, String deadLetter, List<Aggregation> aggregations) {
		super(path, deadLetter);
		this.decimals = declared(aggregations);
	}

	/** Whether any of the aggregations is declared a decimal, so that a check is needed. */
	public static boolean needed(List<Aggregation> aggregations) {
		return !declared(aggregations).isEmpty();
	}

	private static List<Aggregation> declared(List<Aggregation> aggregations) {
		return aggregations.stream().filter(a -> a.decimal().isPresent()).toList();
	}

	@Override
	public void apply(String key, Row row, Consumer<Row> out) {
		check(decimals, row.fields());
		out.accept(row);
	}

	/**
	 * Checks the results of the aggregations.
	 * @throws RecordException naming the first aggregate whose result overflowed
	 */
	public static void check(List<Aggregation> aggregations, Map<String, Object> results) {
		for (Aggregation aggregation : aggregations) {
			if (results.get(aggregation.name()) instanceof Decimals.Overflow overflow) {
				throw new RecordException(aggregation.name() + ": " + aggregation.function().name().toLowerCase() + "(" +
						aggregation.argument().map(a -> a.text()).orElse("") + ") reached " + overflow + ", which overflows " +
						overflow.type() + " (at most " + (overflow.type().precision() - overflow.type().scale()) +
						" digits before the point); declare a larger precision");
			}
		}
	}

}
