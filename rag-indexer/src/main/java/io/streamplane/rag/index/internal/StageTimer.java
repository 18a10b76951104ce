package io.streamplane.rag.index.internal;

import java.util.EnumMap;
import java.util.Map;

import io.streamplane.rag.index.IndexStage;
import io.streamplane.rag.index.StageListener;

/** Times the stages one batch of changes goes through, one after the other, from its creation on. Not thread-safe. */
public final class StageTimer {

	private final int changes;

	private final Map<IndexStage, Long> millis = new EnumMap<>(IndexStage.class);

	private long last = System.nanoTime();

	/** @param changes how many changes the batch holds */
	public StageTimer(int changes) {
		this.changes = changes;
	}

	/** Ends {@code stage} now: it lasted since the previous lap (or the creation). */
	public void lap(IndexStage stage) {
		long now = System.nanoTime();
		millis.merge(stage, (now - last) / 1_000_000, Long::sum);
		last = now;
	}

	/** The lapped stages and their milliseconds, e.g. {@code {PREPARE=3, EMBED=120, WRITE=4}}. */
	@Override
	public String toString() {
		return millis.toString();
	}

	/** Tells {@code listener} each lapped stage, for every change of the batch. */
	public void report(StageListener listener) {
		millis.forEach((stage, duration) -> listener.stage(stage, duration, changes));
	}

}
