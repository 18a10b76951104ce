package io.streamplane.features.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code as_of} of a feature read: an ISO-8601 instant from {@value #EARLIEST_TEXT} to
 * {@value #LATEST_TEXT}, the years tile times (epoch milliseconds) and their arithmetic hold without overflow.
 */
final class AsOf {

	static final String EARLIEST_TEXT = "0001-01-01T00:00:00Z";

	static final String LATEST_TEXT = "9999-12-31T23:59:59Z";

	private static final Instant EARLIEST = Instant.parse(EARLIEST_TEXT);

	private static final Instant LATEST = Instant.parse(LATEST_TEXT);

	private AsOf() {
	}

	/** The instant, or empty if the text is not an instant in range. */
	static Optional<Instant> parse(String text) {
		try {
			Instant instant = Instant.parse(text);
			return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty() : Optional.of(instant);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** What a bad {@code as_of} is told. */
	static String problem(String given) {
		return "as_of: " + given + " is not an ISO-8601 instant from " + EARLIEST_TEXT + " to " + LATEST_TEXT
				+ "; send e.g. as_of=2026-01-01T12:00:00Z";
	}

}
