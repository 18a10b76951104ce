package io.streamplane.spec.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses spec durations: whole numbers with units {@code d}, {@code h}, {@code m}, {@code s},
 * {@code ms}, largest unit first, e.g. {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h30m}.
 */
final class Durations {

	static final String RULE = "write whole numbers with units d, h, m, s or ms, largest first, e.g. 500ms, 10s, 1h30m";

	private static final Pattern DURATION = Pattern
		.compile("(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m(?!s))?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");

	private Durations() {
	}

	static Optional<Duration> parse(String text) {
		Matcher matcher = DURATION.matcher(text);
		if (text.isEmpty() || !matcher.matches()) {
			return Optional.empty();
		}
		Duration duration = Duration.ofDays(group(matcher, 1))
			.plusHours(group(matcher, 2))
			.plusMinutes(group(matcher, 3))
			.plusSeconds(group(matcher, 4))
			.plusMillis(group(matcher, 5));
		return Optional.of(duration);
	}

	private static long group(Matcher matcher, int group) {
		String digits = matcher.group(group);
		return digits == null ? 0 : Long.parseLong(digits);
	}

}
