package io.streamplane.engine.preview;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Counts one preview's spending against its {@link PreviewBudget}: the processors ask it before every
 * step of every record ({@link #getAsBoolean()}), the run tells it every output drained. Once a part is
 * spent or the run is cancelled it admits no more records, and the run stops with the reason
 * ({@link #throwIfStopped()}). Used by one thread.
 */
final class BudgetGuard implements BooleanSupplier {

	private final PreviewBudget budget;

	private final BooleanSupplier cancelled;

	private final long deadlineNanos;

	private long steps;

	private long outputRecords;

	private long outputBytes;

	private RuntimeException stopped;

	BudgetGuard(PreviewBudget budget, long startNanos, BooleanSupplier cancelled) {
		this.budget = budget;
		this.cancelled = cancelled;
		this.deadlineNanos = startNanos + Math.min(budget.time().toNanos(), Long.MAX_VALUE / 4);
	}

	/** Whether one more record may be processed by one step; false once the budget is spent. */
	@Override
	public boolean getAsBoolean() {
		if (stopped != null) {
			return false;
		}
		steps++;
		if (steps > budget.maxSteps()) {
			stopped = new PreviewBudgetException(PreviewBudget.Part.STEPS, String.valueOf(budget.maxSteps()),
					"the preview processed more than " + budget.maxSteps() + " records in its steps");
			return false;
		}
		if ((steps & 0xFF) == 0) {
			stopped = overTime();
		}
		return stopped == null;
	}

	/** Throws why the run must stop: a spent part of the budget, or cancellation. */
	void throwIfStopped() {
		RuntimeException reason = stopped != null ? stopped : overTime();
		if (reason != null) {
			stopped = reason;
			throw reason;
		}
	}

	/** One record written to an output or the dead letters, of the given size. */
	void output(long bytes) {
		outputRecords++;
		outputBytes += bytes;
		if (outputRecords > budget.maxOutputRecords()) {
			stopped = new PreviewBudgetException(PreviewBudget.Part.OUTPUT_RECORDS,
					String.valueOf(budget.maxOutputRecords()),
					"the preview wrote more than " + budget.maxOutputRecords() + " output records and dead letters");
		}
		else if (outputBytes > budget.maxOutputBytes()) {
			stopped = new PreviewBudgetException(PreviewBudget.Part.OUTPUT_BYTES, String.valueOf(budget.maxOutputBytes()),
					"the preview wrote more than " + budget.maxOutputBytes() + " bytes of output records and dead letters");
		}
		throwIfStopped();
	}

	private RuntimeException overTime() {
		if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
			return new PreviewCancelledException("the preview was cancelled");
		}
		if (System.nanoTime() - deadlineNanos > 0) {
			return new PreviewBudgetException(PreviewBudget.Part.TIME, text(budget.time()),
					"the preview ran longer than " + text(budget.time()));
		}
		return null;
	}

	private static String text(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

}
