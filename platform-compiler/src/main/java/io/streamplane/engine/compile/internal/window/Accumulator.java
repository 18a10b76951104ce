package io.streamplane.engine.compile.internal.window;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.streamplane.engine.compile.internal.value.Decimals;
import io.streamplane.engine.compile.internal.value.Values;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.DecimalType;

/**
 * The running state of one aggregation in one window: immutable, combined record by record with
 * {@link #add} and, for sessions that merge, with {@link #merge}. {@code null} values are skipped by
 * sum, min, max, avg and count_distinct; first, last and collect keep them.
 */
public sealed interface Accumulator {

	/** The state with one more value, observed at event time {@code time}. */
	Accumulator add(Object value, long time);

	/** The state of two windows merged into one; {@code other} is of the same kind. */
	Accumulator merge(Accumulator other);

	/** The aggregate's value. */
	Object result();

	/** The state of an empty window for an aggregation, exact when it declares a decimal type. */
	static Accumulator empty(Aggregation aggregation) {
		return aggregation.decimal().<Accumulator>map(type -> switch (aggregation.function()) {
			case SUM -> new DecimalSum(BigDecimal.ZERO.setScale(type.scale()), type);
			case AVG -> new DecimalAvg(BigDecimal.ZERO.setScale(type.scale()), 0, type);
			default -> throw new IllegalArgumentException(aggregation.function() + " takes no decimal type");
		}).orElseGet(() -> empty(aggregation.function()));
	}

	/** The state of an empty window. */
	static Accumulator empty(AggregateFunction function) {
		return switch (function) {
			case COUNT -> new Count(0);
			case SUM -> new Sum(null);
			case MIN -> new Extreme(false, null);
			case MAX -> new Extreme(true, null);
			case AVG -> new Avg(0, 0);
			case FIRST -> new Positional(false, false, 0, null);
			case LAST -> new Positional(true, false, 0, null);
			case COLLECT -> new Collect(List.of());
			case COUNT_DISTINCT -> new Distinct(Set.of());
			case PREVIOUS -> new Previous(false, null);
		};
	}

	/**
	 * {@code previous(x)}: the value at the latest record added. Its result is read from the state
	 * before the current record is added, so a record sees its predecessor's value ({@code null} for
	 * the first). Running state only: it never merges.
	 */
	record Previous(boolean seen, Object value) implements Accumulator {

		public Accumulator add(Object value, long time) {
			return new Previous(true, value);
		}

		public Accumulator merge(Accumulator other) {
			throw new IllegalStateException("previous(x) does not merge; only running steps use it");
		}

		public Object result() {
			return value;
		}

	}

	/** {@code count()}: the number of records. */
	record Count(long count) implements Accumulator {

		public Accumulator add(Object value, long time) {
			return new Count(count + 1);
		}

		public Accumulator merge(Accumulator other) {
			return new Count(count + ((Count) other).count);
		}

		public Object result() {
			return count;
		}

	}

	/** {@code sum(x)}: a {@code Long} while every value is an integer, a {@code Double} otherwise. */
	record Sum(Object total) implements Accumulator {

		public Accumulator add(Object value, long time) {
			return value == null ? this : new Sum(Values.add(total, value));
		}

		public Accumulator merge(Accumulator other) {
			Object right = ((Sum) other).total;
			return right == null ? this : new Sum(Values.add(total, right));
		}

		public Object result() {
			return total == null ? 0L : total;
		}

	}

	/**
	 * {@code sum(x) as decimal(p, s)}: exact, of values that {@link AggregateInputs} rounded to the
	 * scale and passes as text; unbounded, so the result is checked against the precision only when
	 * it is read.
	 */
	record DecimalSum(BigDecimal total, DecimalType type) implements Accumulator {

		public Accumulator add(Object value, long time) {
			return value == null ? this : new DecimalSum(total.add(new BigDecimal((String) value)), type);
		}

		public Accumulator merge(Accumulator other) {
			return new DecimalSum(total.add(((DecimalSum) other).total), type);
		}

		public Object result() {
			return Decimals.result(total, type);
		}

	}

	/** {@code avg(x) as decimal(p, s)}: the exact sum divided by the count, rounded half to even. */
	record DecimalAvg(BigDecimal total, long count, DecimalType type) implements Accumulator {

		public Accumulator add(Object value, long time) {
			return value == null ? this : new DecimalAvg(total.add(new BigDecimal((String) value)), count + 1, type);
		}

		public Accumulator merge(Accumulator other) {
			DecimalAvg right = (DecimalAvg) other;
			return new DecimalAvg(total.add(right.total), count + right.count, type);
		}

		public Object result() {
			return count == 0 ? null : Decimals.result(Decimals.average(total, count, type), type);
		}

	}

	/** {@code min(x)} and {@code max(x)}. */
	record Extreme(boolean max, Object value) implements Accumulator {

		public Accumulator add(Object candidate, long time) {
			if (candidate == null) {
				return this;
			}
			if (value == null) {
				return new Extreme(max, candidate);
			}
			int order = Values.compare(candidate, value);
			return (max ? order > 0 : order < 0) ? new Extreme(max, candidate) : this;
		}

		public Accumulator merge(Accumulator other) {
			return add(((Extreme) other).value, 0);
		}

		public Object result() {
			return value;
		}

	}

	/** {@code avg(x)}: a {@code Double}. */
	record Avg(double total, long count) implements Accumulator {

		public Accumulator add(Object value, long time) {
			return value instanceof Number number ? new Avg(total + number.doubleValue(), count + 1) : this;
		}

		public Accumulator merge(Accumulator other) {
			Avg right = (Avg) other;
			return new Avg(total + right.total, count + right.count);
		}

		public Object result() {
			return count == 0 ? null : total / count;
		}

	}

	/** {@code first(x)} and {@code last(x)} by event time; ties go to the earlier, resp. later, arrival. */
	record Positional(boolean last, boolean present, long time, Object value) implements Accumulator {

		public Accumulator add(Object candidate, long at) {
			boolean replace = !present || (last ? at >= time : at < time);
			return replace ? new Positional(last, true, at, candidate) : this;
		}

		public Accumulator merge(Accumulator other) {
			Positional right = (Positional) other;
			return right.present ? add(right.value, right.time) : this;
		}

		public Object result() {
			return value;
		}

	}

	/** {@code collect(x)}: the values in event-time order, ties in arrival order. */
	record Collect(List<Timed> items) implements Accumulator {

		public Collect {
			items = List.copyOf(items);
		}

		public Accumulator add(Object value, long time) {
			List<Timed> next = new ArrayList<>(items);
			int at = next.size();
			while (at > 0 && next.get(at - 1).time() > time) {
				at--;
			}
			next.add(at, new Timed(time, value));
			return new Collect(next);
		}

		public Accumulator merge(Accumulator other) {
			Accumulator merged = this;
			for (Timed item : ((Collect) other).items) {
				merged = merged.add(item.value(), item.time());
			}
			return merged;
		}

		public Object result() {
			return items.stream().map(Timed::value).toList();
		}

	}

	/** {@code count_distinct(x)}: exact, keeping every distinct value of the window. */
	record Distinct(Set<Object> values) implements Accumulator {

		public Distinct {
			values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
		}

		public Accumulator add(Object value, long time) {
			if (value == null) {
				return this;
			}
			Set<Object> next = new LinkedHashSet<>(values);
			next.add(Values.normalize(value));
			return new Distinct(next);
		}

		public Accumulator merge(Accumulator other) {
			Set<Object> next = new LinkedHashSet<>(values);
			next.addAll(((Distinct) other).values);
			return new Distinct(next);
		}

		public Object result() {
			return (long) values.size();
		}

	}

	/**
	 * A value with its event time.
	 *
	 * @param time epoch milliseconds
	 * @param value the value
	 */
	record Timed(long time, Object value) {
	}

}
