package io.streamplane.engine.compile;

/**
 * The headers of a record on a pipeline's dead-letter topic. Its key and value are the bytes the
 * record was read with (a window result that fails later is written as its JSON instead).
 */
public final class DeadLetterHeaders {

	/** The pipeline name. */
	public static final String PIPELINE = "sp.pipeline";

	/** The spec path of the step that rejected the record, e.g. {@code transforms.revenue_1m.steps[1]}. */
	public static final String STEP = "sp.step";

	/** Why, in words a user can act on. */
	public static final String REASON = "sp.reason";

	/** The class of the exception behind the failure, when there was one. */
	public static final String ERROR_CLASS = "sp.error.class";

	/** {@code true} when the record arrived after its window closed. */
	public static final String LATE = "sp.late";

	private DeadLetterHeaders() {
	}

}
