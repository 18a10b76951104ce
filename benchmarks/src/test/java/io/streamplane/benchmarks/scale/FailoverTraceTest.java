package io.streamplane.benchmarks.scale;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverTraceTest {

	private static final TopicPartition STUCK = new TopicPartition("out", 0);

	private static final TopicPartition MOVING = new TopicPartition("out", 1);

	private static final long KILLED_AT = 1_000_000;

	@Test
	void shouldSayWhenEachStableOffsetFirstMovedAndHowLongTheKilledInstancesTransactionStayedOpen() {
		FailoverTrace.Transaction dead = new FailoverTrace.Transaction("Ongoing", KILLED_AT - 40, 300_000, 7);
		List<FailoverTrace.Sample> samples = List.of(
				sample(0, 100, 200, Map.of("app-dead-1", dead, "app-alive-1", ongoing(KILLED_AT - 10)), 5_000, 90),
				sample(1_000, 100, 260, Map.of("app-dead-1", dead, "app-alive-1", ongoing(KILLED_AT + 900)), 5_000, 90),
				sample(2_000, 100, 300, Map.of("app-dead-1", dead, "app-alive-1", ongoing(KILLED_AT + 1_900)), 5_000, 90),
				sample(3_000, 150, 320,
						Map.of("app-dead-1", new FailoverTrace.Transaction("CompleteAbort", -1, 300_000, 0), "app-alive-1",
								ongoing(KILLED_AT + 2_900)),
						5_200, 95));

		String summary = FailoverTrace.summary(samples);

		assertThat(summary)
			.contains("out-0 at the kill 100 (end 100), first moved at 3,000 ms")
			.contains("out-1 at the kill 200 (end 200), first moved at 1,000 ms")
			.contains("app-dead-1 (Ongoing since 40 ms before the kill, timeout 300,000 ms, 7 partitions) closed at 3,000 ms")
			.contains("app-alive-1 (Ongoing since 10 ms before the kill, timeout 300,000 ms, 7 partitions) closed at 1,000 ms")
			.contains("Survivor first consumed at 3,000 ms")
			.contains("exact results first grew at 3,000 ms");
	}

	@Test
	void shouldSayWhatNeverChangedByTheLastSample() {
		FailoverTrace.Transaction dead = ongoing(KILLED_AT - 40);
		List<FailoverTrace.Sample> samples = List.of(sample(0, 100, 200, Map.of("app-dead-1", dead), 5_000, 90),
				sample(85_000, 100, 200, Map.of("app-dead-1", dead), 5_000, 90));

		assertThat(FailoverTrace.summary(samples))
			.contains("out-0 at the kill 100 (end 100), not moved by 85,000 ms")
			.contains("app-dead-1 (Ongoing since 40 ms before the kill, timeout 300,000 ms, 7 partitions) not closed by 85,000 ms")
			.contains("Survivor not consumed by 85,000 ms");
	}

	private static FailoverTrace.Transaction ongoing(long started) {
		return new FailoverTrace.Transaction("Ongoing", started, 300_000, 7);
	}

	private static FailoverTrace.Sample sample(long millis, long stuckStable, long movingStable,
			Map<String, FailoverTrace.Transaction> transactions, long consumed, long results) {
		Map<TopicPartition, FailoverTrace.Offsets> offsets = new LinkedHashMap<>();
		offsets.put(STUCK, new FailoverTrace.Offsets(stuckStable + millis / 10, stuckStable));
		offsets.put(MOVING, new FailoverTrace.Offsets(movingStable, movingStable));
		return new FailoverTrace.Sample(millis, KILLED_AT + millis, offsets, transactions, consumed, results);
	}

}
