package io.streamplane.benchmarks.features;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FeatureBenchmarkOptionsTest {

	@Test
	void shouldOverrideTheDefaultsNamed() {
		FeatureBenchmarkOptions options = FeatureBenchmarkOptions.parse("--entities=5000", "--get-rate=100",
				"--measure-seconds=3", "--rss-updates=0");

		assertThat(options.entities()).isEqualTo(5000);
		assertThat(options.getRate()).isEqualTo(100);
		assertThat(options.measure()).isEqualTo(Duration.ofSeconds(3));
		assertThat(options.rssUpdates()).isZero();
		assertThat(options.postEntities()).isEqualTo(FeatureBenchmarkOptions.defaults().postEntities());
	}

	@Test
	void shouldRejectEveryUnknownArgumentAndListTheAllowedNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> FeatureBenchmarkOptions.parse("--entites=5", "get-rate=2"))
			.withMessageContaining("unknown argument '--entites=5'")
			.withMessageContaining("unknown argument 'get-rate=2'")
			.withMessageContaining("--entities=...");
	}

}
