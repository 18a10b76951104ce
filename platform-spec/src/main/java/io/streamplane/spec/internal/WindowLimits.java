package io.streamplane.spec.internal;

import java.time.Duration;
import java.util.Optional;

import io.streamplane.spec.SpecLimits;

/**
 * The bounds on windows of {@link SpecLimits}: how long a window may be, and how many windows one
 * record may fall into. A window beyond either is reported at its path with the value, the limit
 * and the fix.
 */
final class WindowLimits {

	private final Duration maxSize;

	private final int maxWindowsPerRecord;

	WindowLimits(SpecLimits limits) {
		this.maxSize = limits.maxWindowSize();
		this.maxWindowsPerRecord = limits.maxWindowsPerRecord();
	}

	/** The positive duration at {@code node} if it is at most the longest window; reports a longer one. */
	Optional<Duration> size(Node node) {
		return node.positiveDuration().filter(size -> {
			if (size.compareTo(maxSize) > 0) {
				node.report("window of " + node.value().stringValue() + " is longer than the limit of " + text(maxSize)
						+ "; use a window of at most " + text(maxSize) + ", or aggregate the shorter windows downstream");
				return false;
			}
			return true;
		});
	}

	/** Whether a hopping window puts each record in at most the allowed number of windows; reports if not. */
	boolean hopping(Node advance, Duration size, Duration step) {
		long windows = Math.ceilDiv(size.toMillis(), step.toMillis());
		if (windows > maxWindowsPerRecord) {
			advance.report("advance " + advance.value().stringValue() + " puts each record into " + windows
					+ " windows of size " + text(size) + ", more than the limit of " + maxWindowsPerRecord
					+ "; make advance at least " + text(Duration.ofMillis(Math.ceilDiv(size.toMillis(), maxWindowsPerRecord)))
					+ " (size / " + maxWindowsPerRecord + ")");
			return false;
		}
		return true;
	}

	/** A duration in the spec's notation, e.g. {@code 366d}, {@code 1h30m}, {@code 86400ms}. */
	static String text(Duration duration) {
		StringBuilder text = new StringBuilder();
		append(text, duration.toDaysPart(), "d");
		append(text, duration.toHoursPart(), "h");
		append(text, duration.toMinutesPart(), "m");
		append(text, duration.toSecondsPart(), "s");
		append(text, duration.toMillisPart(), "ms");
		return text.isEmpty() ? "0ms" : text.toString();
	}

	private static void append(StringBuilder text, long amount, String unit) {
		if (amount > 0) {
			text.append(amount).append(unit);
		}
	}

}
