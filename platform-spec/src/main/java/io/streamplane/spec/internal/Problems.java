package io.streamplane.spec.internal;

import java.util.ArrayList;
import java.util.List;

import io.streamplane.spec.SpecProblem;
import io.streamplane.spec.SpecValidationException;

/** Collects the problems of one spec, so validation goes on after the first and reports them all. */
public final class Problems {

	private final List<SpecProblem> problems = new ArrayList<>();

	/** Records a problem at a path. */
	public void report(String path, String message) {
		problems.add(new SpecProblem(path, message));
	}

	/** The number of problems so far; compare before and after a part to see if it failed. */
	public int count() {
		return problems.size();
	}

	/** @throws SpecValidationException listing every problem, if there is any */
	public void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new SpecValidationException(problems);
		}
	}

}
