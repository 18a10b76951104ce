package io.streamplane.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline spec is malformed or invalid. Lists every problem found, not only the first, so a
 * user can fix them all at once. The failure is permanent: reading the same text again fails the
 * same way.
 */
public class SpecValidationException extends StreamplaneSpecException {

	private final List<SpecProblem> problems;

	/**
	 * Creates an exception listing the given problems.
	 * @param problems at least one problem
	 */
	public SpecValidationException(List<SpecProblem> problems) {
		super(summary(problems));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("a spec validation failure needs at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	/** Every problem found, in document order as far as possible; never empty. */
	public List<SpecProblem> problems() {
		return problems;
	}

	private static String summary(List<SpecProblem> problems) {
		return "invalid pipeline spec (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") +
				"):" + problems.stream().map(problem -> "\n  " + problem).collect(Collectors.joining());
	}

}
