package io.streamplane.engine.preview;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Counts one preview's spending against its {@link PreviewBudget}, from the processors (every step of
 * every record) and from the run (every output drained); throws when a part is spent or the run is
 * cancelled. Used by one thread.
 */
final class BudgetGuard implements Runnable {

	private final PreviewBudget budget;

	private final BooleanSupplier cancelled;

	private final long deadlineNanos;

	private long steps;

	private long outputRecords;

	private long outputBytes;

	BudgetGuard(PreviewBudget budget, long startNanos, BooleanSupplier cancelled) {
		this.budget = budget;
		this.cancelled = cancelled;
		this.deadlineNanos = startNanos + Math.min(budget.time().toNanos(), Long.MAX_VALUE / 4);
	}

	/** One record processed by one step. */
	@Override
	public void run() {
		steps++;
		if (steps > budget.maxSteps()) {
			throw new PreviewBudgetException(PreviewBudget.Part.STEPS, String.valueOf(budget.maxSteps()),
					"the preview processed more than " + budget.maxSteps() + " records in its steps");
		}
		if ((steps & 0xFF) == 0) {
			checkTime();
		}
	}

	/** Checks the time and cancellation. */
	void checkTime() {
		if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
			throw new PreviewCancelledException("the preview was cancelled");
		}
		if (System.nanoTime() - deadlineNanos > 0) {
			throw new PreviewBudgetException(PreviewBudget.Part.TIME, text(budget.time()),
					"the preview ran longer than " + text(budget.time()));
		}
	}

	/** One record written to an output or the dead letters, of the given size. */
	void output(long bytes) {
		outputRecords++;
		outputBytes += bytes;
		if (outputRecords > budget.maxOutputRecords()) {
			throw new PreviewBudgetException(PreviewBudget.Part.OUTPUT_RECORDS, String.valueOf(budget.maxOutputRecords()),
					"the preview wrote more than " + budget.maxOutputRecords() + " output records and dead letters");
		}
		if (outputBytes > budget.maxOutputBytes()) {
			throw new PreviewBudgetException(PreviewBudget.Part.OUTPUT_BYTES, String.valueOf(budget.maxOutputBytes()),
					"the preview wrote more than " + budget.maxOutputBytes() + " bytes of output records and dead letters");
		}
	}

	private static String text(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

}
