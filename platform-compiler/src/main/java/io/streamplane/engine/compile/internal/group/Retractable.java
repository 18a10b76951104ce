package io.streamplane.engine.compile.internal.group;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.streamplane.engine.compile.internal.value.Decimals;
import io.streamplane.engine.compile.internal.value.Values;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.DecimalType;

/**
 * The state of one aggregation of a group that a row can be added to and taken back out of, as a
 * table's rows come, change group and go. Immutable. {@code null} values are skipped, as in windows.
 * Integer sums stay exact; decimals are summed apart and only while some are present, so taking the
 * last decimal out gives the integer sum back exactly.
 */
public sealed interface Retractable {

	/** The state with one more value. */
	Retractable add(Object value);

	/** The state with one value taken out; {@code value} was added before. */
	Retractable remove(Object value);

	/** The aggregate's value. */
	Object result();

	/** The state as row values, for {@link GroupStateSerde}. */
	List<Object> state();

	/** The state of an empty group for an aggregation, exact when it declares a decimal type. */
	static Retractable empty(Aggregation aggregation) {
		return aggregation.decimal().<Retractable>map(type -> switch (aggregation.function()) {
			case SUM -> new DecimalSum(BigDecimal.ZERO.setScale(type.scale()), type);
			case AVG -> new DecimalAvg(new DecimalSum(BigDecimal.ZERO.setScale(type.scale()), type), 0);
			default -> throw new IllegalArgumentException(aggregation.function() + " takes no decimal type");
		}).orElseGet(() -> empty(aggregation.function()));
	}

	/** The state {@link #state()} wrote, for an aggregation. */
	static Retractable of(Aggregation aggregation, List<Object> state) {
		return aggregation.decimal().<Retractable>map(type -> {
			DecimalSum sum = new DecimalSum(new BigDecimal((String) state.getFirst()), type);
			return aggregation.function() == AggregateFunction.AVG ? new DecimalAvg(sum, (Long) state.get(1)) : sum;
		}).orElseGet(() -> of(aggregation.function(), state));
	}

	/** The state of an empty group. */
	static Retractable empty(AggregateFunction function) {
		return switch (function) {
			case COUNT -> new Count(0);
			case SUM -> Sum.ZERO;
			case AVG -> new Avg(Sum.ZERO, 0);
			case MIN, MAX -> new Multiset(function == AggregateFunction.MAX, new TreeMap<>(Values::compare));
			case COUNT_DISTINCT -> new Distinct(new Multiset(false, new TreeMap<>(Values::compare)));
			case FIRST, LAST, COLLECT, PREVIOUS -> throw new IllegalArgumentException(function + " is not retractable");
		};
	}

	/** The state {@link #state()} wrote. */
	@SuppressWarnings("unchecked")
	static Retractable of(AggregateFunction function, List<Object> state) {
		return switch (function) {
			case COUNT -> new Count((Long) state.getFirst());
			case SUM -> Sum.of(state);
			case AVG -> new Avg(Sum.of(state), (Long) state.get(4));
			case MIN, MAX -> Multiset.of(function == AggregateFunction.MAX, state);
			case COUNT_DISTINCT -> new Distinct(Multiset.of(false, state));
			case FIRST, LAST, COLLECT, PREVIOUS -> throw new IllegalArgumentException(function + " is not retractable");
		};
	}

	/** {@code count()}: the number of rows. */
	record Count(long count) implements Retractable {

		public Retractable add(Object value) {
			return new Count(count + 1);
		}

		public Retractable remove(Object value) {
			return new Count(count - 1);
		}

		public Object result() {
			return count;
		}

		public List<Object> state() {
			return List.of(count);
		}

	}

	/**
	 * {@code sum(x)}: the integers' sum exactly, in 128 bits, and the decimals' sum with their number.
	 * The result is a {@code Long} while every value is an integer and the sum fits, a {@code Double}
	 * otherwise, as in windows.
	 *
	 * @param high the upper 64 bits of the integers' sum
	 * @param low the lower 64 bits of the integers' sum
	 * @param decimals the sum of the decimal values
	 * @param decimalCount how many values are in {@code decimals}
	 */
	record Sum(long high, long low, double decimals, long decimalCount) implements Retractable {

		static final Sum ZERO = new Sum(0, 0, 0, 0);

		private static final double TWO_TO_64 = 0x1p64;

		static Sum of(List<Object> state) {
			return new Sum((Long) state.get(0), (Long) state.get(1), (Double) state.get(2), (Long) state.get(3));
		}

		public Sum add(Object value) {
			if (value instanceof Long number) {
				long sum = low + number;
				return new Sum(high + (number >> 63) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0), sum, decimals,
						decimalCount);
			}
			return value instanceof Number number ? decimal(number.doubleValue(), 1) : this;
		}

		public Sum remove(Object value) {
			if (value instanceof Long number) {
				long difference = low - number;
				return new Sum(high - (number >> 63) - (Long.compareUnsigned(low, number) < 0 ? 1 : 0), difference,
						decimals, decimalCount);
			}
			return value instanceof Number number ? decimal(-number.doubleValue(), -1) : this;
		}

		private Sum decimal(double value, int count) {
			long next = decimalCount + count;
			return new Sum(high, low, next == 0 ? 0 : decimals + value, next);
		}

		public Object result() {
			boolean fits = high == (low >> 63);
			return fits && decimalCount == 0 ? (Object) low : (Object) total();
		}

		double total() {
			double integers = high == (low >> 63) ? low
					: high * TWO_TO_64 + (low >>> 1) * 2.0 + (low & 1);
			return integers + decimals;
		}

		public List<Object> state() {
			return List.of(high, low, decimals, decimalCount);
		}

	}

	/**
	 * {@code sum(x) as decimal(p, s)}: exact and unbounded, so that taking a row out subtracts
	 * exactly, even from a sum that overflowed; the result is checked against the precision when read.
	 * Values arrive as text, rounded to the scale by {@code AggregateInputs}.
	 */
	record DecimalSum(BigDecimal total, DecimalType type) implements Retractable {

		public DecimalSum add(Object value) {
			return value == null ? this : new DecimalSum(total.add(new BigDecimal((String) value)), type);
		}

		public DecimalSum remove(Object value) {
			return value == null ? this : new DecimalSum(total.subtract(new BigDecimal((String) value)), type);
		}

		public Object result() {
			return Decimals.result(total, type);
		}

		/** The exact text of the sum, which keeps its scale. */
		public List<Object> state() {
			return List.of(Decimals.text(total));
		}

	}

	/** {@code avg(x) as decimal(p, s)}: the exact sum over the count, rounded half to even. */
	record DecimalAvg(DecimalSum sum, long count) implements Retractable {

		public Retractable add(Object value) {
			return value == null ? this : new DecimalAvg(sum.add(value), count + 1);
		}

		public Retractable remove(Object value) {
			return value == null ? this : new DecimalAvg(sum.remove(value), count - 1);
		}

		public Object result() {
			return count == 0 ? null : Decimals.result(Decimals.average(sum.total(), count, sum.type()), sum.type());
		}

		public List<Object> state() {
			return List.of(Decimals.text(sum.total()), count);
		}

	}

	/** {@code avg(x)}: a {@code Double}, {@code null} while the group has no value. */
	record Avg(Sum sum, long count) implements Retractable {

		public Retractable add(Object value) {
			return value instanceof Number ? new Avg(sum.add(value), count + 1) : this;
		}

		public Retractable remove(Object value) {
			return value instanceof Number ? new Avg(sum.remove(value), count - 1) : this;
		}

		public Object result() {
			return count == 0 ? null : sum.total() / count;
		}

		public List<Object> state() {
			List<Object> state = new ArrayList<>(sum.state());
			state.add(count);
			return state;
		}

	}

	/**
	 * {@code min(x)} and {@code max(x)}: how many rows hold each value, ordered, so that taking out
	 * the last row of the extreme reveals the next one.
	 *
	 * @param max whether {@code result} is the largest value (the smallest otherwise)
	 * @param counts the number of rows per (normalized) value; never modified once the state is made
	 */
	record Multiset(boolean max, TreeMap<Object, Long> counts) implements Retractable {

		static Multiset of(boolean max, List<Object> state) {
			TreeMap<Object, Long> counts = new TreeMap<>(Values::compare);
			for (int i = 0; i < state.size(); i += 2) {
				counts.put(state.get(i), (Long) state.get(i + 1));
			}
			return new Multiset(max, counts);
		}

		public Multiset add(Object value) {
			if (value == null) {
				return this;
			}
			TreeMap<Object, Long> next = new TreeMap<>(counts);
			next.merge(Values.normalize(value), 1L, Long::sum);
			return new Multiset(max, next);
		}

		public Multiset remove(Object value) {
			if (value == null) {
				return this;
			}
			TreeMap<Object, Long> next = new TreeMap<>(counts);
			next.computeIfPresent(Values.normalize(value), (ignored, count) -> count == 1 ? null : count - 1);
			return new Multiset(max, next);
		}

		public Object result() {
			if (counts.isEmpty()) {
				return null;
			}
			return max ? counts.lastKey() : counts.firstKey();
		}

		/** The number of distinct values. */
		long distinct() {
			return counts.size();
		}

		public List<Object> state() {
			List<Object> state = new ArrayList<>(counts.size() * 2);
			for (Map.Entry<Object, Long> entry : counts.entrySet()) {
				state.add(entry.getKey());
				state.add(entry.getValue());
			}
			return state;
		}

	}

	/** {@code count_distinct(x)}: the number of values that some row of the group holds. */
	record Distinct(Multiset values) implements Retractable {

		public Retractable add(Object value) {
			return new Distinct(values.add(value));
		}

		public Retractable remove(Object value) {
			return new Distinct(values.remove(value));
		}

		public Object result() {
			return values.distinct();
		}

		public List<Object> state() {
			return values.state();
		}

	}

}
