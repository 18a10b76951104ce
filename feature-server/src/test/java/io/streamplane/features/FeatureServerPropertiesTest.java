package io.streamplane.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureServerPropertiesTest {

	@Test // issue 14
	void shouldDefaultToOneServingLoopPerCoreButAtLeastEight() {
		assertThat(FeatureServerProperties.defaultServingThreads(1)).isEqualTo(8);
		assertThat(FeatureServerProperties.defaultServingThreads(2)).isEqualTo(8);
		assertThat(FeatureServerProperties.defaultServingThreads(8)).isEqualTo(8);
		assertThat(FeatureServerProperties.defaultServingThreads(32)).isEqualTo(32);
	}

}
