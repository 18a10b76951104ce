package io.streamplane.benchmarks.joins;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.benchmarks.harness.LatencyResult;
import org.HdrHistogram.Histogram;

/** Turns the send times of row updates and the re-emissions seen into per-update latencies. */
final class ChangeLatencies {

	private static final long HIGHEST_MILLIS = 3_600_000;

	private ChangeLatencies() {
	}

	/**
	 * Each update sent at or after {@code measureFromMillis} is charged from its send to the first
	 * re-emission carrying it; one never seen counts as unseen.
	 * @param sent the send time of update {@code i} at index {@code i}, epoch milliseconds
	 */
	static LatencyResult of(long[] sent, List<Reemission> seen, long measureFromMillis, double perSecond) {
		Map<Long, Long> firstSeen = new HashMap<>();
		for (Reemission reemission : seen) {
			firstSeen.merge(reemission.change(), reemission.seenMillis(), Math::min);
		}
		Histogram histogram = new Histogram(HIGHEST_MILLIS, 3);
		long unseen = 0;
		for (int change = 0; change < sent.length; change++) {
			if (sent[change] < measureFromMillis) {
				continue;
			}
			Long seenMillis = firstSeen.get((long) change);
			if (seenMillis == null) {
				unseen++;
			}
			else {
				histogram.recordValue(Math.min(HIGHEST_MILLIS, Math.max(0, seenMillis - sent[change])));
			}
		}
		return new LatencyResult(perSecond, histogram.getTotalCount() + unseen, unseen,
				histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(95),
				histogram.getValueAtPercentile(99), histogram.getMaxValue());
	}

}
