package io.streamplane.engine.compile.internal.plan;

import java.util.List;
import java.util.function.Predicate;

import io.streamplane.spec.Expression;
import io.streamplane.spec.Output;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.RecordMetadata;
import io.streamplane.spec.Step;
import io.streamplane.spec.Transform;

/**
 * Which reactive stream–table joins recompute the retractions of their results instead of the outputs
 * storing the rows they last emitted (issue 14). A join may when everything after it can be applied to
 * an old result again with the same outcome, and nothing but outputs reads what it produces: the steps
 * after it in its transform are {@code filter}, {@code set} and {@code select} whose expressions do not
 * read {@code meta} (the metadata of the record being processed, which differ when a result is
 * recomputed), no transform, index or feature view reads the transform, and no output of it ran before
 * with a store of the rows it emitted (a pipeline version an older engine started keeps that layout).
 */
final class RetractingJoins {

	private final PipelineSpec spec;

	private final Predicate<String> remembersEmittedRows;

	/**
	 * @param spec the pipeline
	 * @param remembersEmittedRows whether the output at a path ({@code outputs[0]}) ran before with a store of
	 *        the rows it emitted
	 */
	RetractingJoins(PipelineSpec spec, Predicate<String> remembersEmittedRows) {
		this.spec = spec;
		this.remembersEmittedRows = remembersEmittedRows;
	}

	/** Whether the reactive join at step {@code index} of {@code transform} recomputes its retractions. */
	boolean retracts(Transform transform, int index) {
		List<Step> after = transform.steps().subList(index + 1, transform.steps().size());
		return after.stream().allMatch(RetractingJoins::appliesAgain) && readByOutputsOnly(transform.name());
	}

	private static boolean appliesAgain(Step step) {
		return switch (step) {
			case Step.Filter filter -> !readsMeta(filter.condition());
			case Step.SetFields set -> set.fields().values().stream().noneMatch(RetractingJoins::readsMeta);
			case Step.Select select -> true;
			default -> false;
		};
	}

	private static boolean readsMeta(Expression expression) {
		return expression.variables().containsKey(RecordMetadata.VARIABLE);
	}

	private boolean readByOutputsOnly(String transform) {
		if (spec.transforms().values().stream().anyMatch(other -> other.from().contains(transform))
				|| spec.indexes().stream().anyMatch(index -> index.from().equals(transform))
				|| spec.features().stream().anyMatch(view -> view.from().equals(transform))) {
			return false;
		}
		List<Output> outputs = spec.outputs();
		for (int i = 0; i < outputs.size(); i++) {
			if (outputs.get(i).from().equals(transform) && remembersEmittedRows.test(TopologyPlanner.outputPath(i))) {
				return false;
			}
		}
		return true;
	}

}
