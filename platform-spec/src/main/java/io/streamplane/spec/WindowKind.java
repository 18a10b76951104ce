package io.streamplane.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of an event-time window. Windows align to the UTC epoch. Written as one of
 * {@code tumbling: 1m}, {@code hopping: { size: 5m, advance: 1m }}, {@code sliding: { size: 5m }}
 * or {@code session: { gap: 20m }}.
 */
public sealed interface WindowKind {

	/**
	 * Fixed-size, non-overlapping windows.
	 *
	 * @param size the window length, positive
	 */
	record Tumbling(Duration size) implements WindowKind {

		public Tumbling {
			Objects.requireNonNull(size, "size");
		}

	}

	/**
	 * Fixed-size windows starting every {@code advance}; a record belongs to
	 * {@code size / advance} windows.
	 *
	 * @param size the window length, positive
	 * @param advance the distance between window starts, positive and at most {@code size}
	 */
	record Hopping(Duration size, Duration advance) implements WindowKind {

		public Hopping {
			Objects.requireNonNull(size, "size");
			Objects.requireNonNull(advance, "advance");
		}

	}

	/**
	 * Windows of a fixed length that slide with each record: two records share a window when
	 * their event times are at most {@code size} apart.
	 *
	 * @param size the largest time difference within a window, positive
	 */
	record Sliding(Duration size) implements WindowKind {

		public Sliding {
			Objects.requireNonNull(size, "size");
		}

	}

	/**
	 * Per-key sessions that close after a period without records.
	 *
	 * @param gap the inactivity that ends a session, positive
	 */
	record Session(Duration gap) implements WindowKind {

		public Session {
			Objects.requireNonNull(gap, "gap");
		}

	}

}
