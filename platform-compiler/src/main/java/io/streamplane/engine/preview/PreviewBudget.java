package io.streamplane.engine.preview;

import java.time.Duration;
import java.util.Objects;

/**
 * What one preview may spend; a preview beyond any part of it stops with a
 * {@link PreviewBudgetException} naming that part.
 *
 * @param time the wall-clock time from the start of the run, including waiting for a free thread
 * @param maxSteps the most records the topology's processors may process, summed over every step
 * (one input through five steps is five); bounds the work of a record that fans out
 * @param maxOutputRecords the most records written to outputs and dead letters together
 * @param maxOutputBytes the most bytes of keys and values written to outputs and dead letters together
 */
public record PreviewBudget(Duration time, long maxSteps, int maxOutputRecords, long maxOutputBytes) {

	/** No bound at all; for tests and trusted callers. */
	public static final PreviewBudget UNLIMITED = new PreviewBudget(Duration.ofDays(365), Long.MAX_VALUE,
			Integer.MAX_VALUE, Long.MAX_VALUE);

	public PreviewBudget {
		Objects.requireNonNull(time, "time");
		if (time.isNegative() || time.isZero() || maxSteps < 1 || maxOutputRecords < 1 || maxOutputBytes < 1) {
			throw new IllegalArgumentException("every part of a preview budget must be positive: " + time + ", "
					+ maxSteps + " steps, " + maxOutputRecords + " output records, " + maxOutputBytes + " output bytes");
		}
	}

	/** The parts of a budget, named in a {@link PreviewBudgetException}. */
	public enum Part {

		/** {@link #time()} */
		TIME,

		/** {@link #maxSteps()} */
		STEPS,

		/** {@link #maxOutputRecords()} */
		OUTPUT_RECORDS,

		/** {@link #maxOutputBytes()} */
		OUTPUT_BYTES

	}

}
