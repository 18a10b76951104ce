package io.streamplane.spec.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

	@Test
	void shouldParseSimpleAndCompoundDurations() {
		assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
		assertThat(Durations.parse("10s")).contains(Duration.ofSeconds(10));
		assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
		assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
		assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
		assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
		assertThat(Durations.parse("1m30s250ms")).contains(Duration.ofMillis(90_250));
		assertThat(Durations.parse("0s")).contains(Duration.ZERO);
	}

	@Test
	void shouldRejectWhatIsNotADuration() {
		assertThat(Durations.parse("")).isEmpty();
		assertThat(Durations.parse("5 minutes")).isEmpty();
		assertThat(Durations.parse("5")).isEmpty();
		assertThat(Durations.parse("30m1h")).isEmpty();
		assertThat(Durations.parse("1.5s")).isEmpty();
		assertThat(Durations.parse("-5s")).isEmpty();
		assertThat(Durations.parse("PT5M")).isEmpty();
	}

}
