package io.streamplane.benchmarks.scale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SizeResultTest {

	@Test
	void shouldCountTheDigitsOfUserIdsZeroToUsersMinusOneInTheRawAggregate() {
		assertThat(SizeResult.rawBytesPerKey(10)).isEqualTo(33.0);
		assertThat(SizeResult.rawBytesPerKey(100)).isCloseTo(32 + 1.9, within(1e-9));
		assertThat(SizeResult.rawBytesPerKey(1_000_000)).isCloseTo(32 + 5.888_89, within(1e-5));
	}

	@Test
	void shouldTakeTheNearestRankPercentileOfTheSortedLatencies() {
		double[] latencies = new double[100];
		for (int i = 0; i < latencies.length; i++) {
			latencies[i] = i + 1;
		}
		SizeResult result = new SizeResult(10, ScaleVariant.STREAMPLANE, 40, 1, 0, 0, 0, 0, 0, 0, latencies, null);

		assertThat(result.latencyPercentile(95)).isEqualTo(95);
		assertThat(result.latencyPercentile(50)).isEqualTo(50);
		assertThat(new SizeResult(10, ScaleVariant.STREAMPLANE, 40, 1, 0, 0, 0, 0, 0, 0, new double[0], null)
			.latencyPercentile(95)).isNaN();
	}

	@Test
	void shouldCompareTheStateWithTheRawBytesOfTheSessionsItHoldsNotOfTheUsers() {
		SizeResult holdingTwoSessionsPerUser = new SizeResult(10, ScaleVariant.STREAMPLANE, 40, 1, 0, 0, 1_320, 20, 0, 0,
				new double[0], null);
		SizeResult unknownSessions = new SizeResult(10, ScaleVariant.STREAMPLANE, 40, 1, 0, 0, 1_320, 0, 0, 0,
				new double[0], null);

		assertThat(holdingTwoSessionsPerUser.diskOverRaw()).isCloseTo(2.0, within(1e-9));
		assertThat(unknownSessions.diskOverRaw()).isCloseTo(4.0, within(1e-9));
	}

	@Test
	void shouldCompareTheCompactedStateWithTheSameSessionsHeld() {
		SizeResult holdingTwoSessionsPerUser = new SizeResult(10, ScaleVariant.STREAMPLANE, 40, 1, 0, 0, 1_320, 20, 0, 0,
				new double[0], null);

		assertThat(holdingTwoSessionsPerUser.compactedOverRaw()).isNaN();
		assertThat(holdingTwoSessionsPerUser.withCompactedState(660).compactedOverRaw()).isCloseTo(1.0, within(1e-9));
		assertThat(holdingTwoSessionsPerUser.withCompactedState(660).diskOverRaw()).isCloseTo(2.0, within(1e-9));
	}

}
