package io.streamplane.benchmarks.wordcount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.benchmarks.harness.LatencyResult;
import org.HdrHistogram.Histogram;

/**
 * Turns sends and count updates into per-word latencies. A count update for a word and window
 * carrying count {@code n} is the first to include the {@code n}-th word sent for that key, so each
 * word's latency is the time from its send to the first update whose count reaches its ordinal.
 * This charges coalesced updates fully: a word absorbed by the record cache waits for the next
 * flush. Ordinals assume a key's words are counted in send order, which holds to within the
 * interleaving of the input partitions.
 */
final class LatencyJoin {

	private static final long HIGHEST_MILLIS = 3_600_000;

	private LatencyJoin() {
	}

	static LatencyResult join(SendLog sends, List<CountUpdate> updates, long measureFromMillis,
			double perSecond) {
		Map<String, List<CountUpdate>> updatesByKey = new HashMap<>();
		for (CountUpdate update : updates) {
			updatesByKey.computeIfAbsent(update.key(), key -> new ArrayList<>()).add(update);
		}
		Histogram histogram = new Histogram(HIGHEST_MILLIS, 3);
		long unseen = 0;
		for (Map.Entry<String, List<Long>> key : sends.byKey().entrySet()) {
			List<CountUpdate> keyUpdates = updatesByKey.getOrDefault(key.getKey(), List.of());
			List<Long> sent = key.getValue();
			int next = 0;
			for (int ordinal = 1; ordinal <= sent.size(); ordinal++) {
				while (next < keyUpdates.size() && keyUpdates.get(next).count() < ordinal) {
					next++;
				}
				long sentMillis = sent.get(ordinal - 1);
				if (sentMillis < measureFromMillis) {
					continue;
				}
				if (next == keyUpdates.size()) {
					unseen++;
				}
				else {
					histogram.recordValue(Math.min(HIGHEST_MILLIS, Math.max(0, keyUpdates.get(next).seenMillis() - sentMillis)));
				}
			}
		}
		return new LatencyResult(perSecond, histogram.getTotalCount() + unseen, unseen,
				histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(95),
				histogram.getValueAtPercentile(99), histogram.getMaxValue());
	}

}
