package io.streamplane.spec.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.common.types.CelType;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.Step;

/**
 * Binds {@code rolling: { range: 24h, slice: 1m }} with its {@code aggregate}: the range within the
 * window limits, the slice dividing it into at most as many slices as a record may have windows,
 * and aggregates that merge in bounded space. The aggregates become fields of the record.
 */
final class RollingBinder {

	/** The default slice is this fraction of the range, when it divides the range. */
	static final int DEFAULT_SLICES = 60;

	private static final Set<AggregateFunction> UNBOUNDED = Set.of(AggregateFunction.COLLECT,
			AggregateFunction.COUNT_DISTINCT);

	private final AggregationBinder aggregations;

	private final WindowLimits limits;

	RollingBinder(ExpressionCompiler expressions, WindowLimits limits) {
		this.aggregations = new AggregationBinder(expressions);
		this.limits = limits;
	}

	/** Binds the step object holding {@code rolling} and {@code aggregate}. */
	Bound<Step> bind(Node step, Schema in) {
		Node rolling = step.field("rolling");
		Optional<Duration> range = Optional.empty();
		Optional<Duration> slice = Optional.empty();
		if (rolling.isObjectWith(List.of("range", "slice"))) {
			range = rolling.required("range").flatMap(limits::size);
			slice = rolling.optional("slice").map(Node::positiveDuration).orElseGet(() -> Optional.of(Duration.ZERO));
		}
		Map<String, CelType> types = new LinkedHashMap<>();
		List<Aggregation> results = new ArrayList<>();
		boolean valid = step.required("aggregate").map(node -> aggregations.bind(node, in, types, results)).orElse(false);
		for (Aggregation aggregation : results) {
			valid &= mergeable(step.field("aggregate").field(aggregation.name()), aggregation);
		}
		Schema out = in;
		for (Map.Entry<String, CelType> type : types.entrySet()) {
			out = out.with(type.getKey(), type.getValue());
		}
		if (range.isEmpty() || slice.isEmpty() || !valid) {
			return Bound.of(Optional.empty(), out);
		}
		Duration bounded = range.get();
		Optional<Duration> sliced = slice(rolling, bounded, slice.get());
		return Bound.of(sliced.map(s -> new Step.Rolling(bounded, s, results)), out);
	}

	private Optional<Duration> slice(Node rolling, Duration range, Duration slice) {
		if (slice.isZero()) {
			return Optional.of(defaultSlice(range));
		}
		Node node = rolling.field("slice");
		if (range.toMillis() % slice.toMillis() != 0) {
			node.report("slice " + WindowLimits.text(slice) + " does not divide range " + WindowLimits.text(range) +
					"; use a slice that does, e.g. " + WindowLimits.text(defaultSlice(range)));
			return Optional.empty();
		}
		return limits.slices(node, range, slice) ? Optional.of(slice) : Optional.empty();
	}

	/** A 60th of the range when that is a whole number of milliseconds, else the range itself. */
	static Duration defaultSlice(Duration range) {
		long millis = range.toMillis();
		return Duration.ofMillis(millis % DEFAULT_SLICES == 0 ? millis / DEFAULT_SLICES : millis);
	}

	private static boolean mergeable(Node node, Aggregation aggregation) {
		if (UNBOUNDED.contains(aggregation.function())) {
			node.report(Node.id(aggregation.function()) + " keeps every value of the range; a rolling step takes " +
					"count, sum, min, max, avg, first and last; use it in a window step instead");
			return false;
		}
		if (aggregation.function() == AggregateFunction.PREVIOUS) {
			node.report("previous(x) belongs to a running step, which sees the key's records one after another");
			return false;
		}
		return true;
	}

}
