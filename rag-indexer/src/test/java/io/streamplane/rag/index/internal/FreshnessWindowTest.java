package io.streamplane.rag.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.streamplane.rag.index.IndexStatistics.Freshness;

class FreshnessWindowTest {

	@Test
	void shouldGiveNearestRankPercentilesOfTheLatenciesInTheWindow() {
		FreshnessWindow window = new FreshnessWindow(60_000, 1_000);
		for (int latency = 1; latency <= 100; latency++) {
			window.record(10_000, latency);
		}

		assertThat(window.summary(10_000)).isEqualTo(new Freshness(100, 50L, 95L, 100L));
	}

	@Test
	void shouldForgetLatenciesOlderThanTheWindow() {
		FreshnessWindow window = new FreshnessWindow(60_000, 1_000);
		window.record(1_000, 46_000);
		window.record(50_000, 200);

		assertThat(window.summary(60_000)).isEqualTo(new Freshness(2, 200L, 46_000L, 46_000L));
		assertThat(window.summary(61_000)).isEqualTo(new Freshness(1, 200L, 200L, 200L));
		assertThat(window.summary(111_000)).isEqualTo(Freshness.NONE);
	}

	@Test
	void shouldKeepOnlyTheNewestLatenciesWhenFull() {
		FreshnessWindow window = new FreshnessWindow(60_000, 3);
		window.record(1_000, 9_000);
		window.record(1_000, 100);
		window.record(1_000, 200);
		window.record(1_000, 300);

		assertThat(window.summary(1_000)).isEqualTo(new Freshness(3, 200L, 300L, 300L));
	}

}
