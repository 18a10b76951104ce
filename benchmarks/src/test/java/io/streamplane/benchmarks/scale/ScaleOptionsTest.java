package io.streamplane.benchmarks.scale;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScaleOptionsTest {

	@Test
	void shouldReadTheSizesAsACommaSeparatedListOverTheDefaults() {
		ScaleOptions options = ScaleOptions.parse("--users=10000, 5000000", "--session-timeout-ms=10000");

		assertThat(options.users()).containsExactly(10_000L, 5_000_000L);
		assertThat(options.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.heap()).isEqualTo(ScaleOptions.defaults().heap());
	}

	@Test
	void shouldNameTheAllowedOptionsWhenOneIsUnknown() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScaleOptions.parse("--keys=10"))
			.withMessageContaining("unknown argument '--keys=10'")
			.withMessageContaining("--users=");
	}

	@Test
	void shouldRunBothVariantsAndNoRestoreComparisonByDefault() {
		ScaleOptions options = ScaleOptions.defaults();

		assertThat(options.runs(ScaleVariant.STREAMPLANE)).isTrue();
		assertThat(options.runs(ScaleVariant.KAFKA_STREAMS)).isTrue();
		assertThat(options.restoreRounds()).isZero();
	}

	@Test
	void shouldReadTheVariantsAndTheRestoreComparison() {
		ScaleOptions options = ScaleOptions.parse("--variants=a", "--restore-rounds=3",
				"--restore-settings=fetch8m:restore.consumer.max.partition.fetch.bytes=8388608");

		assertThat(options.runs(ScaleVariant.STREAMPLANE)).isTrue();
		assertThat(options.runs(ScaleVariant.KAFKA_STREAMS)).isFalse();
		assertThat(options.restoreRounds()).isEqualTo(3);
		assertThat(options.restoreSettings()).isEqualTo("fetch8m:restore.consumer.max.partition.fetch.bytes=8388608");
	}

	@Test
	void shouldDefaultToSizesThatFitInTwentyMinutesOnTwoBusyCores() {
		assertThat(ScaleOptions.defaults().users()).isEqualTo(List.of(10_000L, 100_000L));
	}

}
