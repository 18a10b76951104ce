package io.streamplane.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * One named result of a window, e.g. {@code revenue: "sum(amount)"}.
 *
 * @param name the output field
 * @param function the aggregate function
 * @param argument the expression aggregated, evaluated per record; empty for {@code count()}
 */
public record Aggregation(String name, AggregateFunction function, Optional<Expression> argument) {

	public Aggregation {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(argument, "argument");
		if (function.takesArgument() != argument.isPresent()) {
			throw new IllegalArgumentException("aggregation '" + name + "': " + function + " " +
					(function.takesArgument() ? "needs an argument" : "takes no argument"));
		}
	}

}
