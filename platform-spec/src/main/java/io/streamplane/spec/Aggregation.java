package io.streamplane.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * One named result of a window or a running aggregate, e.g. {@code revenue: "sum(amount)"}, or with
 * a condition {@code us_revenue: "sum(amount, country == 'US')"} and {@code imps: "count(kind == 'imp')"}.
 *
 * @param name the output field
 * @param function the aggregate function
 * @param argument the expression aggregated, evaluated per record; empty for {@code count()}
 * @param condition a bool expression; when present only the records for which it is {@code true}
 * are aggregated, the others leave the aggregate as it was
 * @param decimal the declared exact result type, {@code sum(amount) as decimal(18, 2)}; only for
 * {@code sum} and {@code avg}; empty for the usual int or double result
 */
public record Aggregation(String name, AggregateFunction function, Optional<Expression> argument,
		Optional<Expression> condition, Optional<DecimalType> decimal) {

	/** An aggregation of every record. */
	public Aggregation(String name, AggregateFunction function, Optional<Expression> argument) {
		this(name, function, argument, Optional.empty());
	}

	/** An aggregation without a declared result type. */
	public Aggregation(String name, AggregateFunction function, Optional<Expression> argument,
			Optional<Expression> condition) {
		this(name, function, argument, condition, Optional.empty());
	}

	public Aggregation {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(argument, "argument");
		Objects.requireNonNull(condition, "condition");
		Objects.requireNonNull(decimal, "decimal");
		if (decimal.isPresent() && !function.takesDecimal()) {
			throw new IllegalArgumentException("aggregation '" + name + "': only sum and avg take a decimal type");
		}
		if (function.takesArgument() != argument.isPresent()) {
			throw new IllegalArgumentException("aggregation '" + name + "': " + function + " " +
					(function.takesArgument() ? "needs an argument" : "takes no argument"));
		}
	}

}
