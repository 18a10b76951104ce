package io.streamplane.benchmarks.joins;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.streamplane.benchmarks.harness.LatencyResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeLatenciesTest {

	@Test
	void shouldChargeEachUpdateUntilItsFirstReemissionAndSkipTheWarmUp() {
		long[] sent = { 1_000, 2_000, 2_010, 2_020 };
		List<Reemission> seen = List.of(new Reemission(0, 1_005), new Reemission(1, 2_100), new Reemission(2, 2_300),
				new Reemission(1, 2_050), new Reemission(3, 2_420));

		LatencyResult result = ChangeLatencies.of(sent, seen, 1_500, 1_000);

		assertThat(result.measured()).isEqualTo(3);
		assertThat(result.unseen()).isZero();
		assertThat(result.p50()).isEqualTo(290);
		assertThat(result.max()).isEqualTo(400);
	}

	@Test
	void shouldCountAnUpdateNeverReemittedAsUnseen() {
		LatencyResult result = ChangeLatencies.of(new long[] { 1_000, 1_001 }, List.of(new Reemission(1, 1_101)), 0, 2);

		assertThat(result.measured()).isEqualTo(2);
		assertThat(result.unseen()).isOne();
		assertThat(result.max()).isEqualTo(100);
	}

	@Test
	void shouldReadOnlyInsertionsCarryingAnUpdatesName() {
		assertThat(Reemission.decode(json("{\"op\":\"+\",\"user_id\":3,\"name\":\"" + Reemission.name(42) + "\"}"), 7))
			.isEqualTo(new Reemission(42, 7));
		assertThat(Reemission.decode(json("{\"op\":\"-\",\"name\":\"v42\"}"), 7)).isNull();
		assertThat(Reemission.decode(json("{\"op\":\"+\",\"name\":\"user-3\"}"), 7)).isNull();
		assertThat(Reemission.decode(null, 7)).isNull();
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
