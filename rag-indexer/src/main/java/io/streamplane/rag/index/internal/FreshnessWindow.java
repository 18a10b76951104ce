package io.streamplane.rag.index.internal;

import java.util.Arrays;

import io.streamplane.rag.index.IndexStatistics.Freshness;

/**
 * The commit-to-searchable latencies of the changes that became searchable during the last {@code windowMillis},
 * at most {@code capacity} of them (the newest): a ring of (when searchable, latency) pairs. Thread-safe.
 */
public final class FreshnessWindow {

	private final long windowMillis;

	private final long[] at;

	private final long[] latency;

	private int next;

	private int size;

	/**
	 * @param windowMillis how far back {@link #summary} looks, milliseconds
	 * @param capacity the most latencies kept
	 */
	public FreshnessWindow(long windowMillis, int capacity) {
		this.windowMillis = windowMillis;
		this.at = new long[capacity];
		this.latency = new long[capacity];
	}

	/** Records that a change became searchable at {@code searchableAt} after {@code latencyMillis}. */
	public synchronized void record(long searchableAt, long latencyMillis) {
		at[next] = searchableAt;
		latency[next] = latencyMillis;
		next = (next + 1) % at.length;
		size = Math.min(size + 1, at.length);
	}

	/** Percentiles (nearest rank) of the latencies recorded after {@code now - window}. */
	public synchronized Freshness summary(long now) {
		long[] recent = new long[size];
		int count = 0;
		for (int i = 0; i < size; i++) {
			if (at[i] > now - windowMillis) {
				recent[count++] = latency[i];
			}
		}
		if (count == 0) {
			return Freshness.NONE;
		}
		Arrays.sort(recent, 0, count);
		return new Freshness(count, rank(recent, count, 0.50), rank(recent, count, 0.95), recent[count - 1]);
	}

	private static long rank(long[] sorted, int count, double quantile) {
		return sorted[Math.max(0, (int) Math.ceil(quantile * count) - 1)];
	}

}
