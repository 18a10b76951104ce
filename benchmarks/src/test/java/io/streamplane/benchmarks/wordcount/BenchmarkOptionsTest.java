package io.streamplane.benchmarks.wordcount;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTest {

	@Test
	void shouldOverrideTheDefaultsNamed() {
		BenchmarkOptions options = BenchmarkOptions.parse("--words=500", "--exactly-once=false", "--latency-seconds=3");

		assertThat(options.words()).isEqualTo(500);
		assertThat(options.exactlyOnce()).isFalse();
		assertThat(options.latencyDuration()).isEqualTo(Duration.ofSeconds(3));
		assertThat(options.rounds()).isEqualTo(BenchmarkOptions.defaults().rounds());
	}

	@Test
	void shouldRejectEveryUnknownArgumentAndListTheAllowedNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--wrods=5", "rounds=2"))
			.withMessageContaining("unknown argument '--wrods=5'")
			.withMessageContaining("unknown argument 'rounds=2'")
			.withMessageContaining("--words=...");
	}

}
