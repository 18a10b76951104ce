package io.streamplane.benchmarks.joins;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JoinsOptionsTest {

	@Test
	void shouldOverrideTheDefaultsNamed() {
		JoinsOptions options = JoinsOptions.parse("--events=500", "--reactive=false", "--users=20", "--cdc-seconds=3");

		assertThat(options.events()).isEqualTo(500);
		assertThat(options.users()).isEqualTo(20);
		assertThat(options.reactive()).isFalse();
		assertThat(options.cdcDuration()).hasSeconds(3);
		assertThat(options.rounds()).isEqualTo(JoinsOptions.defaults().rounds());
	}

	@Test
	void shouldCompareTheEngineLingerWithKafkaStreamsUnlessToldAnother() {
		assertThat(JoinsOptions.defaults().compareLingerMs()).isEqualTo(100);
		assertThat(JoinsOptions.parse("--linger-compare=true", "--compare-linger-ms=20").compareLingerMs()).isEqualTo(20);
	}

	@Test
	void shouldProfileOnlyWhenGivenADirectory() {
		assertThat(JoinsOptions.defaults().profile()).isEmpty();
		assertThat(JoinsOptions.parse("--profile=target/profiles").profile()).isEqualTo("target/profiles");
	}

	@Test
	void shouldRejectABadNumberNamingTheRule() {
		assertThatIllegalArgumentException().isThrownBy(() -> JoinsOptions.parse("--events=1e6"))
			.withMessageContaining("1e6")
			.withMessageContaining("Counts are whole numbers");
	}

}
