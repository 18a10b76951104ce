package io.streamplane.benchmarks.wordcount;

import java.util.List;

import io.streamplane.benchmarks.harness.LatencyResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyJoinTest {

	@Test
	void shouldChargeEachWordUntilTheFirstUpdateThatIncludesIt() {
		SendLog sends = new SendLog();
		sends.sent("apple", 1_000);
		sends.sent("apple", 1_010);
		sends.sent("apple", 1_020);
		List<CountUpdate> updates = List.of(new CountUpdate(SendLog.key("apple", 0), 2, 1_100),
				new CountUpdate(SendLog.key("apple", 0), 3, 1_200));

		LatencyResult result = LatencyJoin.join(sends, updates, 0, 100);

		assertThat(result.measured()).isEqualTo(3);
		assertThat(result.unseen()).isZero();
		assertThat(result.p50()).isEqualTo(100);
		assertThat(result.max()).isEqualTo(180);
	}

	@Test
	void shouldCountWordsNoUpdateIncludedAsUnseenAndSkipTheWarmUp() {
		SendLog sends = new SendLog();
		sends.sent("apple", 1_000);
		sends.sent("apple", 2_000);
		sends.sent("pear", 2_500);
		List<CountUpdate> updates = List.of(new CountUpdate(SendLog.key("apple", 0), 1, 1_050));

		LatencyResult result = LatencyJoin.join(sends, updates, 1_500, 100);

		assertThat(result.measured()).isEqualTo(2);
		assertThat(result.unseen()).isEqualTo(2);
	}

}
