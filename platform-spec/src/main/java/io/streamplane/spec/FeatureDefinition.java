package io.streamplane.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;


/**
 * One feature of a {@link FeatureView}: {@code clicks_5m: { aggregate: "count()", window: 5m }}.
 *
 * @param name the feature name
 * @param function the aggregate; any but {@link AggregateFunction#COLLECT}, which is not mergeable in
 * bounded space; {@link AggregateFunction#COUNT_DISTINCT} is approximate (a HyperLogLog sketch)
 * @param argument the expression aggregated; empty for {@code count()}
 * @param window how far back from the request time the feature reaches; a multiple of the tile size
 * @param decimal the declared exact result type, {@code sum(amount) as decimal(18, 2)}; only for
 * {@code sum} and {@code avg}; empty for the usual int or double result
 */
public record FeatureDefinition(String name, AggregateFunction function, Optional<Expression> argument,
		Duration window, Optional<DecimalType> decimal) {

	/** A feature without a declared result type. */
	public FeatureDefinition(String name, AggregateFunction function, Optional<Expression> argument, Duration window) {
		this(name, function, argument, window, Optional.empty());
	}

	public FeatureDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(argument, "argument");
		Objects.requireNonNull(window, "window");
		Objects.requireNonNull(decimal, "decimal");
		if (function == AggregateFunction.COLLECT) {
			throw new IllegalArgumentException("feature '" + name + "': collect() cannot be a feature");
		}
		if (decimal.isPresent() && !function.takesDecimal()) {
			throw new IllegalArgumentException("feature '" + name + "': only sum and avg take a decimal type");
		}
	}

	/**
	 * The id of this feature's partial in the tiles, {@code function(argument)} as written, e.g.
	 * {@code sum(amount)}, followed by the declared type, {@code sum(amount) as decimal(18, 2)}; features
	 * with the same aggregate share one partial.
	 */
	public String partialId() {
		return partialId(partialId(function.name().toLowerCase(Locale.ROOT), argument.map(Expression::text).orElse("")),
				decimal);
	}

	/**
	 * The id of the partial of a feature declared an exact decimal: {@code partialId} followed by
	 * {@code as} and the type, e.g. {@code sum(amount) as decimal(18, 2)}; {@code partialId} itself without one.
	 */
	public static String partialId(String partialId, Optional<DecimalType> decimal) {
		return decimal.map(type -> partialId + " as " + type).orElse(partialId);
	}

	/**
	 * The id under which tiles carry the partial of {@code function(argument)}, e.g. {@code count()} or
	 * {@code sum(amount)}: the function name in lower case and the argument text without surrounding blanks.
	 *
	 * @param function the aggregate function name, e.g. {@code count_distinct}
	 * @param argument the argument text; {@code null} or empty for {@code count()}
	 */
	public static String partialId(String function, String argument) {
		return function + "(" + (argument == null ? "" : argument.strip()) + ")";
	}

}
