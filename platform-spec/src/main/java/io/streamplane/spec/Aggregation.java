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
 */
public record Aggregation(String name, AggregateFunction function, Optional<Expression> argument,
		Optional<Expression> condition) {

	/** An aggregation of every record. */
	public Aggregation(String name, AggregateFunction function, Optional<Expression> argument) {
		this(name, function, argument, Optional.empty());
	}

	public Aggregation {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(argument, "argument");
		Objects.requireNonNull(condition, "condition");
		if (function.takesArgument() != argument.isPresent()) {
			throw new IllegalArgumentException("aggregation '" + name + "': " + function + " " +
					(function.takesArgument() ? "needs an argument" : "takes no argument"));
		}
	}

}
