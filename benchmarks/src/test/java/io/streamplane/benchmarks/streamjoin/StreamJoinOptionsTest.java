package io.streamplane.benchmarks.streamjoin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StreamJoinOptionsTest {

	@Test
	void shouldOverrideTheDefaultsNamed() {
		StreamJoinOptions options = StreamJoinOptions.parse("--impressions=500", "--rounds=5");

		assertThat(options.impressions()).isEqualTo(500);
		assertThat(options.rounds()).isEqualTo(5);
		assertThat(options.partitions()).isEqualTo(StreamJoinOptions.defaults().partitions());
	}

	@Test
	void shouldRejectABadNumberNamingTheRule() {
		assertThatIllegalArgumentException().isThrownBy(() -> StreamJoinOptions.parse("--impressions=1e6"))
			.withMessageContaining("1e6")
			.withMessageContaining("whole numbers");
	}

	@Test
	void shouldRunALeftJoinOnlyWhenAskedAndRejectOtherJoins() {
		assertThat(StreamJoinOptions.defaults().left()).isFalse();
		assertThat(StreamJoinOptions.parse("--join=left").left()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> StreamJoinOptions.parse("--join=full"))
			.withMessageContaining("--join=inner or --join=left");
	}

}
