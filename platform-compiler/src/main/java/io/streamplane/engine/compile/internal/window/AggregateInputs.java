package io.streamplane.engine.compile.internal.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Decimals;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.RecordMeta;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.Aggregation;

/**
 * Evaluates, per record, what each aggregation folds: its argument, into the field named like the
 * aggregation. An aggregation with a condition gets the field only when the condition holds (a
 * {@code null} value for {@code count}); {@link WindowFolder} leaves its accumulator unchanged when
 * the field is absent. Thread-safe.
 */
public final class AggregateInputs {

	private final List<Input> inputs;

	/** The inputs of these aggregations, each expression planned once. */
	public AggregateInputs(List<Aggregation> aggregations) {
		List<Input> planned = new ArrayList<>();
		for (Aggregation aggregation : aggregations) {
			CelEvaluator argument = aggregation.argument().map(CelEvaluator::of).orElse(null);
			CelEvaluator condition = aggregation.condition().map(CelEvaluator::of).orElse(null);
			if (argument != null || condition != null) {
				planned.add(new Input(aggregation, argument, condition));
			}
		}
		this.inputs = List.copyOf(planned);
	}

	/**
	 * Puts each aggregation's value for the record into {@code values}.
	 * @param meta the record's metadata, for expressions that read {@code meta}
	 * @throws RecordException when an expression fails, a condition is not a bool, or the argument
	 * of {@code sum} or {@code avg} is not a number; for an aggregation declared a decimal, when the
	 * argument is not a number or a string holding one, or overflows the declared precision. A
	 * decimal's value is put as its exact text, rounded to the declared scale.
	 */
	public void evaluate(String key, Row row, RecordMeta meta, Map<String, Object> values) {
		for (Input input : inputs) {
			if (input.condition() != null && !selected(input, key, row, meta)) {
				continue;
			}
			values.put(input.aggregation().name(), input.argument() == null ? null : argument(input, key, row, meta));
		}
	}

	private static boolean selected(Input input, String key, Row row, RecordMeta meta) {
		Object selected = input.condition().evaluate(key, row, meta);
		if (selected instanceof Boolean bool) {
			return bool;
		}
		throw new RecordException(input.aggregation().name() + ": the condition \"" + input.condition().text() +
				"\" gave " + JsonValues.describe(JsonValues.fromCel(selected)) + ", not a bool");
	}

	private static Object argument(Input input, String key, Row row, RecordMeta meta) {
		Aggregation aggregation = input.aggregation();
		Object value = input.argument().value(key, row, meta);
		if (aggregation.decimal().isPresent() && value != null) {
			try {
				return Decimals.text(Decimals.of(value, aggregation.decimal().get()));
			}
			catch (RecordException ex) {
				throw new RecordException(label(aggregation, input.argument().text() + ") as " + aggregation.decimal().get())
						+ " " + ex.getMessage());
			}
		}
		if (aggregation.function().needsNumber() && value != null && !(value instanceof Number)) {
			throw new RecordException(label(aggregation, input.argument().text() + ")") + " needs a number, got "
					+ JsonValues.describe(value));
		}
		return value;
	}

	/**
	 * The aggregate as written, {@code function(argument...}, after the name of its result, e.g.
	 * {@code revenue: sum(amount) as decimal(18, 2)}; alone when it is its own name, as the partial of a
	 * feature view is.
	 */
	private static String label(Aggregation aggregation, String rest) {
		String written = aggregation.function().name().toLowerCase() + "(" + rest;
		return aggregation.name().equals(written) ? written : aggregation.name() + ": " + written;
	}

	private record Input(Aggregation aggregation, CelEvaluator argument, CelEvaluator condition) {
	}

}
