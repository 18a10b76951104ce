package io.streamplane.spec;

/**
 * The exact decimal type an aggregate declares for its result, as SQL's {@code DECIMAL(p, s)}:
 * written {@code sum(amount) as decimal(18, 2)}. A value has at most {@code precision} digits, of
 * which {@code scale} follow the decimal point; it is rounded to {@code scale} digits half to even,
 * and a value with more than {@code precision - scale} digits before the point overflows.
 *
 * @param precision the number of digits, 1 to {@value #MAX_PRECISION}
 * @param scale the number of digits after the point, 0 to {@code precision}
 */
public record DecimalType(int precision, int scale) {

	/** The largest precision, as in SQL engines (a 128-bit decimal). */
	public static final int MAX_PRECISION = 38;

	public DecimalType {
		if (precision < 1 || precision > MAX_PRECISION) {
			throw new IllegalArgumentException("decimal precision must be 1 to " + MAX_PRECISION + ", got " + precision);
		}
		if (scale < 0 || scale > precision) {
			throw new IllegalArgumentException("decimal scale must be 0 to the precision " + precision + ", got " + scale);
		}
	}

	/** As written in a spec, e.g. {@code decimal(18, 2)}. */
	@Override
	public String toString() {
		return "decimal(" + precision + ", " + scale + ")";
	}

}
