package io.streamplane.benchmarks.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FreshnessOptionsTest {

	@Test
	void shouldDefaultToTheIssuesFiftyChangedRowsPerSecond() {
		FreshnessOptions options = FreshnessOptions.parse();

		assertThat(options.rate()).isEqualTo(50);
		assertThat(options.changes()).isEqualTo(50 * 80);
	}

	@Test
	void shouldReadEveryOptionAndRefuseUnknownOnes() {
		FreshnessOptions options = FreshnessOptions.parse("--rate=10", "--warmup-seconds=5", "--measure-seconds=15",
				"--poll-ms=50");

		assertThat(options.changes()).isEqualTo(200);
		assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(50));
		assertThatIllegalArgumentException().isThrownBy(() -> FreshnessOptions.parse("--freshness"))
			.withMessageContaining("unknown argument '--freshness'");
	}

}
