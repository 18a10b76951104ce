package io.streamplane.protocol.tiles;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The mergeable state of one aggregate over the events of one tile. Merging the partials of
 * consecutive tiles gives the aggregate over their union, which is how a feature value is computed
 * at request time.
 *
 * <p>JSON: an object with a {@code type} discriminator and the record's components, e.g.
 * {@code {"type":"count","n":3}}, {@code {"type":"sum","total":12.5}},
 * {@code {"type":"min","value":1.0}}, {@code {"type":"max","value":9.0}},
 * {@code {"type":"avg","sum":10.0,"count":4}}, {@code {"type":"first","value":"a","timeMs":1767268801000}},
 * {@code {"type":"last","value":"b","timeMs":1767268805000}},
 * {@code {"type":"distinct","sketch":"AQwAAAAB..."}} (a {@link DistinctSketch}, base64),
 * {@code {"type":"decimal_sum","total":"12.50"}}, {@code {"type":"decimal_avg","sum":"10.00","count":4}}
 * (exact decimals as their plain text, at the scale the feature declares). Times are epoch
 * milliseconds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
		@JsonSubTypes.Type(value = PartialAggregate.Count.class, name = "count"),
		@JsonSubTypes.Type(value = PartialAggregate.Sum.class, name = "sum"),
		@JsonSubTypes.Type(value = PartialAggregate.Min.class, name = "min"),
		@JsonSubTypes.Type(value = PartialAggregate.Max.class, name = "max"),
		@JsonSubTypes.Type(value = PartialAggregate.Avg.class, name = "avg"),
		@JsonSubTypes.Type(value = PartialAggregate.First.class, name = "first"),
		@JsonSubTypes.Type(value = PartialAggregate.Last.class, name = "last"),
		@JsonSubTypes.Type(value = PartialAggregate.Distinct.class, name = "distinct"),
		@JsonSubTypes.Type(value = PartialAggregate.DecimalSum.class, name = "decimal_sum"),
		@JsonSubTypes.Type(value = PartialAggregate.DecimalAvg.class, name = "decimal_avg") })
public sealed interface PartialAggregate {

	/**
	 * Combines this partial with one of the same kind covering other events.
	 *
	 * @throws TileFormatException if {@code other} is of a different kind
	 */
	PartialAggregate merge(PartialAggregate other);

	/** The aggregate's value over the events this partial covers ({@code null} for an empty average). */
	Object result();

	/** Number of events. */
	record Count(long n) implements PartialAggregate {
		public PartialAggregate merge(PartialAggregate other) {
			return new Count(n + same(Count.class, this, other).n);
		}

		public Object result() {
			return n;
		}
	}

	/** Sum of a numeric field. */
	record Sum(double total) implements PartialAggregate {
		public PartialAggregate merge(PartialAggregate other) {
			return new Sum(total + same(Sum.class, this, other).total);
		}

		public Object result() {
			return total;
		}
	}

	/** Smallest value of a numeric field. */
	record Min(double value) implements PartialAggregate {
		public PartialAggregate merge(PartialAggregate other) {
			return new Min(Math.min(value, same(Min.class, this, other).value));
		}

		public Object result() {
			return value;
		}
	}

	/** Largest value of a numeric field. */
	record Max(double value) implements PartialAggregate {
		public PartialAggregate merge(PartialAggregate other) {
			return new Max(Math.max(value, same(Max.class, this, other).value));
		}

		public Object result() {
			return value;
		}
	}

	/** Sum and number of the values of a numeric field; the result is their mean. */
	record Avg(double sum, long count) implements PartialAggregate {
		public PartialAggregate merge(PartialAggregate other) {
			Avg that = same(Avg.class, this, other);
			return new Avg(sum + that.sum, count + that.count);
		}

		public Object result() {
			return count == 0 ? null : sum / count;
		}
	}

	/** Value of the earliest event (a JSON scalar) and its event time in epoch milliseconds. */
	record First(Object value, long timeMs) implements PartialAggregate {
		public PartialAggregate merge(PartialAggregate other) {
			First that = same(First.class, this, other);
			return that.timeMs < timeMs ? that : this;
		}

		public Object result() {
			return value;
		}
	}

	/** Value of the latest event (a JSON scalar) and its event time in epoch milliseconds; ties go to {@code other}. */
	record Last(Object value, long timeMs) implements PartialAggregate {
		public PartialAggregate merge(PartialAggregate other) {
			Last that = same(Last.class, this, other);
			return that.timeMs >= timeMs ? that : this;
		}

		public Object result() {
			return value;
		}
	}

	/**
	 * The approximate number of distinct values, as a base64 {@link DistinctSketch}; merging keeps
	 * the union, so the distinct count over several tiles counts a value seen in two tiles once.
	 */
	record Distinct(String sketch) implements PartialAggregate {
		/** A partial over no values. */
		public static Distinct empty() {
			return new Distinct(DistinctSketch.empty().toBase64());
		}

		/** This partial with one more value; {@code null} values are not counted. */
		public Distinct add(Object value) {
			return value == null ? this : new Distinct(DistinctSketch.fromBase64(sketch).add(value).toBase64());
		}

		public PartialAggregate merge(PartialAggregate other) {
			Distinct that = same(Distinct.class, this, other);
			return new Distinct(DistinctSketch.fromBase64(sketch).union(DistinctSketch.fromBase64(that.sketch)).toBase64());
		}

		public Object result() {
			return DistinctSketch.fromBase64(sketch).estimate();
		}
	}

	/**
	 * The exact sum of the values of a feature declared {@code sum(x) as decimal(p, s)}, as its plain
	 * text with {@code s} digits after the point, e.g. {@code 12.50}; the result is that text, so a
	 * served sum keeps every digit. The values, rounded to the scale by the engine, add exactly.
	 */
	record DecimalSum(String total) implements PartialAggregate {
		public PartialAggregate merge(PartialAggregate other) {
			return new DecimalSum(new BigDecimal(total).add(new BigDecimal(same(DecimalSum.class, this, other).total))
				.toPlainString());
		}

		public Object result() {
			return total;
		}
	}

	/**
	 * The exact sum, as for {@link DecimalSum}, and number of the values of a feature declared
	 * {@code avg(x) as decimal(p, s)}; the result is their mean rounded half to even to the sum's scale
	 * {@code s}, as plain text ({@code null} for no values).
	 */
	record DecimalAvg(String sum, long count) implements PartialAggregate {
		public PartialAggregate merge(PartialAggregate other) {
			DecimalAvg that = same(DecimalAvg.class, this, other);
			return new DecimalAvg(new BigDecimal(sum).add(new BigDecimal(that.sum)).toPlainString(), count + that.count);
		}

		public Object result() {
			if (count == 0) {
				return null;
			}
			BigDecimal total = new BigDecimal(sum);
			return total.divide(BigDecimal.valueOf(count), total.scale(), RoundingMode.HALF_EVEN).toPlainString();
		}
	}

	private static <T extends PartialAggregate> T same(Class<T> kind, PartialAggregate self, PartialAggregate other) {
		if (!kind.isInstance(other)) {
			throw TileFormatException.invalid("cannot merge partial " + self + " with " + other
					+ ": both must be " + kind.getSimpleName() + "; tiles of one view must use the same partial ids");
		}
		return kind.cast(other);
	}
}
