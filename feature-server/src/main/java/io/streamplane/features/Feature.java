package io.streamplane.features;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.streamplane.spec.DecimalType;
import io.streamplane.spec.FeatureDefinition;

/**
 * One feature of a {@link ServedView}: an aggregate function over the events of the last
 * {@code window} before the request time.
 *
 * @param function the aggregate
 * @param argument the field it reads ({@code ""} for count)
 * @param window how far back from the request time the aggregate reaches; a positive multiple of the
 *        view's tile size
 * @param decimal the exact decimal type a {@link ServedAggregate#SUM} or {@link ServedAggregate#AVG}
 *        declares, whose values are served as JSON strings with the type's scale, e.g. {@code "12.50"};
 *        empty for the usual number
 */
public record Feature(ServedAggregate function, String argument, Duration window, Optional<DecimalType> decimal) {

	/** Normalises a {@code null} argument to {@code ""}. */
	public Feature {
		argument = argument == null ? "" : argument;
		Objects.requireNonNull(decimal, "decimal");
	}

	/** A feature without a declared decimal type. */
	public Feature(ServedAggregate function, String argument, Duration window) {
		this(function, argument, window, Optional.empty());
	}

	/** A count over the window. */
	public static Feature count(Duration window) {
		return new Feature(ServedAggregate.COUNT, "", window);
	}

	/** {@code function(argument)} over the window. */
	public static Feature of(ServedAggregate function, String argument, Duration window) {
		return new Feature(function, argument, window);
	}

	/**
	 * The id of the partial this feature merges, see {@link ServedAggregate#partialId(String)}, followed by
	 * the declared decimal type as {@link FeatureDefinition#partialId(String, Optional)} says.
	 */
	public String partialId() {
		return decimal.isEmpty() ? function.partialId(argument)
				: FeatureDefinition.partialId(function.partialId(argument), decimal);
	}

	/**
	 * The value over a window without events, where {@link ServedAggregate#hasEmptyValue()} holds:
	 * 0, or for a decimal sum zero at its scale, e.g. {@code "0.00"}.
	 */
	Object emptyValue() {
		return decimal.<Object>map(type -> BigDecimal.ZERO.setScale(type.scale()).toPlainString())
			.orElseGet(function::emptyValue);
	}
}
