package io.streamplane.engine.compile.internal.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.streamplane.spec.WindowKind;

/**
 * Decides whether a record is too late for its window, by the rule Kafka Streams' windowed
 * aggregations use to drop records, applied before the aggregation so such records are
 * dead-lettered instead of silently dropped. With stream time {@code st} (the largest event time
 * seen so far) and lateness {@code g}:
 * <ul>
 * <li>tumbling and hopping: late when the last window containing the record has closed,
 * {@code end + g <= st}; a hopping record whose earlier windows have closed but whose last is open
 * counts in the open ones only, as in Kafka Streams;</li>
 * <li>sliding: late when {@code time + size + g < st};</li>
 * <li>session: late when {@code time + gap + g < st}, i.e. a session starting at the record would
 * already be closed. Kafka Streams would still merge such a record into a neighbouring session
 * that is open; this rule dead-letters it instead, so no record is ever dropped unseen.</li>
 * </ul>
 *
 * A feature view checks its events as a sliding window as long as its retention; its reasons name
 * the view and its retention ({@link #ofView}).
 *
 * @param kind the window shape
 * @param lateness the grace period
 * @param view the feature view whose retention {@code kind} stands for, or null for a window step
 */
public record Lateness(WindowKind kind, Duration lateness, String view) {

	/** The lateness rule of a window step. */
	public Lateness(WindowKind kind, Duration lateness) {
		this(kind, lateness, null);
	}

	/** The lateness rule of feature view {@code view}: events older than its retention are late. */
	public static Lateness ofView(String view, Duration retention, Duration lateness) {
		return new Lateness(new WindowKind.Sliding(retention), lateness, view);
	}

	/**
	 * Why a record is late, or empty when it is on time.
	 * @param time the record's event time, epoch milliseconds
	 * @param streamTime the largest event time seen, epoch milliseconds
	 */
	public Optional<String> check(long time, long streamTime) {
		long grace = lateness.toMillis();
		return switch (kind) {
			case WindowKind.Tumbling(Duration size) -> aligned(time, streamTime, size.toMillis(), size.toMillis(), grace);
			case WindowKind.Hopping(Duration size, Duration advance) ->
				aligned(time, streamTime, size.toMillis(), advance.toMillis(), grace);
			case WindowKind.Sliding(Duration size) when view != null -> behind(time, streamTime, size.toMillis() + grace,
					"the retention " + size + " of feature view " + view, "the tiles it would update have expired");
			case WindowKind.Sliding(Duration size) -> behind(time, streamTime, size.toMillis() + grace, "size " + size,
					"its window has closed");
			case WindowKind.Session(Duration gap) -> behind(time, streamTime, gap.toMillis() + grace, "gap " + gap,
					"its window has closed");
		};
	}

	private Optional<String> aligned(long time, long streamTime, long size, long advance, long grace) {
		long start = time - Math.floorMod(time, advance);
		long end = start + size;
		if (end + grace > streamTime) {
			return Optional.empty();
		}
		return Optional.of("late record: event time " + Instant.ofEpochMilli(time) + " falls in the window [" +
				Instant.ofEpochMilli(start) + ", " + Instant.ofEpochMilli(end) + "), which closed at " +
				Instant.ofEpochMilli(end + grace) + " (window end + lateness " + lateness + "); stream time is " +
				Instant.ofEpochMilli(streamTime));
	}

	private Optional<String> behind(long time, long streamTime, long allowed, String span, String consequence) {
		if (time + allowed >= streamTime) {
			return Optional.empty();
		}
		return Optional.of("late record: event time " + Instant.ofEpochMilli(time) + " is more than " + span +
				" + lateness " + lateness + " behind stream time " + Instant.ofEpochMilli(streamTime) +
				", so " + consequence);
	}

}
