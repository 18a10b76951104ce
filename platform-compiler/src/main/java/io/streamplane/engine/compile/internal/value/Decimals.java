package io.streamplane.engine.compile.internal.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.streamplane.spec.DecimalType;

/**
 * Exact decimals for aggregates declared {@code as decimal(p, s)}. A value enters as an integer, a
 * string holding a number (exactly as written) or a JSON number read as a double (by its shortest
 * decimal text, which is the number as written when it has at most 15 significant digits; a double
 * from {@code 10^(15 - scale)} on is refused); it is rounded to the scale half to even and must fit
 * the precision. Sums are kept exact and unbounded,
 * so that a sum can overflow and come back; a result out of the precision is an {@link Overflow}.
 */
public final class Decimals {

	/** How a value with more digits after the point than the scale is rounded, as SQL engines and Java do. */
	public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

	/** The significant digits every decimal number keeps through a double and back. */
	private static final int DOUBLE_DIGITS = 15;

	private Decimals() {
	}

	/**
	 * The value rounded to the type's scale.
	 * @throws RecordException when it is not a number, or out of the type's precision
	 */
	public static BigDecimal of(Object value, DecimalType type) {
		BigDecimal exact = switch (value) {
			case Long number -> BigDecimal.valueOf(number);
			case Double number when Double.isFinite(number) -> fromDouble(number, type);
			case String text -> parse(text);
			default -> throw new RecordException("needs a number, got " + JsonValues.describe(value));
		};
		BigDecimal rounded = exact.setScale(type.scale(), ROUNDING);
		if (!fits(rounded, type)) {
			throw new RecordException("the value " + text(exact) + " overflows " + type + ", which holds at most " +
					(type.precision() - type.scale()) + " digits before the point");
		}
		return rounded;
	}

	/**
	 * A double's shortest decimal text, which is the number as written when that had at most
	 * {@value #DOUBLE_DIGITS} significant digits; a double too large to have them all at the
	 * type's scale may have lost digits, and is refused rather than rounded silently.
	 */
	private static BigDecimal fromDouble(double number, DecimalType type) {
		BigDecimal exact = BigDecimal.valueOf(number);
		if (exact.abs().compareTo(BigDecimal.ONE.scaleByPowerOfTen(DOUBLE_DIGITS - type.scale())) >= 0) {
			throw new RecordException("got the JSON number " + text(exact) + ", read as a double, which holds " +
					DOUBLE_DIGITS + " significant digits: too few for " + type + " from " +
					text(BigDecimal.ONE.scaleByPowerOfTen(DOUBLE_DIGITS - type.scale())) +
					" on; write the amount as a JSON string, e.g. \"" + text(exact.setScale(type.scale(), ROUNDING)) + "\"");
		}
		return exact;
	}

	private static BigDecimal parse(String text) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new RecordException("needs a number, got the string \"" + text + "\"");
		}
	}

	/** Whether a value of the type's scale has at most {@code precision} digits. */
	public static boolean fits(BigDecimal value, DecimalType type) {
		return value.unscaledValue().abs().compareTo(BigDecimal.TEN.pow(type.precision()).toBigInteger()) < 0;
	}

	/** The text of a value, without exponent: {@code 1234.50}. */
	public static String text(BigDecimal value) {
		return value.toPlainString();
	}

	/** The mean of {@code count} values summing to {@code total}, at the type's scale. */
	public static BigDecimal average(BigDecimal total, long count, DecimalType type) {
		return total.divide(BigDecimal.valueOf(count), type.scale(), ROUNDING);
	}

	/** An aggregate's result: its text at the type's scale, or an {@link Overflow} when it does not fit. */
	public static Object result(BigDecimal value, DecimalType type) {
		BigDecimal rounded = value.setScale(type.scale(), ROUNDING);
		return fits(rounded, type) ? text(rounded) : new Overflow(rounded, type);
	}

	/**
	 * A decimal aggregate's result out of its declared precision, which the step turns into a
	 * dead letter; its text is the value.
	 */
	public record Overflow(BigDecimal value, DecimalType type) {

		@Override
		public String toString() {
			return text(value);
		}

	}

}
