package io.streamplane.engine.compile;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what one running pipeline does, since it started on this instance. Thread-safe: written
 * by stream threads, read by status reporting and metrics.
 */
public final class PipelineCounters {

	private final LongAdder recordsIn = new LongAdder();

	private final LongAdder recordsOut = new LongAdder();

	private final LongAdder lateRecords = new LongAdder();

	private final LongAdder deadLetters = new LongAdder();

	/** Records read from input topics. */
	public long recordsIn() {
		return recordsIn.sum();
	}

	/** Records written to output topics (dead letters excluded). */
	public long recordsOut() {
		return recordsOut.sum();
	}

	/** Records that arrived after their window closed (beyond lateness); they are also dead letters. */
	public long lateRecords() {
		return lateRecords.sum();
	}

	/** Records written to the dead-letter topic, late ones included. */
	public long deadLetters() {
		return deadLetters.sum();
	}

	void recordIn() {
		recordsIn.increment();
	}

	void recordOut() {
		recordsOut.increment();
	}

	void late() {
		lateRecords.increment();
	}

	void deadLetter() {
		deadLetters.increment();
	}

}
