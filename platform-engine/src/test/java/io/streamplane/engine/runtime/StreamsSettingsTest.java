package io.streamplane.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

import io.streamplane.engine.compile.CompiledPipeline;
import io.streamplane.spec.DeliveryGuarantee;

class StreamsSettingsTest {

	private static final Map<String, Duration> TILE_TOPICS = Map.of("sp.features.p.clicks", Duration.ofDays(1));

	@Test
	void shouldCommitAnExactlyOncePipelineWithFeatureViewsEvery50MsByDefault() {
		assertThat(commitInterval(Optional.empty(), DeliveryGuarantee.EXACTLY_ONCE, TILE_TOPICS)).isEqualTo(50L);
	}

	@Test
	void shouldCommitAnExactlyOncePipelineWithIndexesEvery50MsByDefault() {
		assertThat(commitInterval(Optional.empty(), DeliveryGuarantee.EXACTLY_ONCE, Map.of(), Set.of("sp.index.p.docs")))
			.isEqualTo(50L);
	}

	@Test
	void shouldKeepTheKafkaStreamsDefaultForPipelinesWithoutFeatureViewsOrIndexesOrAtLeastOnce() {
		assertThat(commitInterval(Optional.empty(), DeliveryGuarantee.EXACTLY_ONCE, Map.of())).isNull();
		assertThat(commitInterval(Optional.empty(), DeliveryGuarantee.AT_LEAST_ONCE, TILE_TOPICS)).isNull();
	}

	@Test
	void shouldUseTheConfiguredCommitIntervalForEveryPipeline() {
		assertThat(commitInterval(Optional.of(Duration.ofMillis(200)), DeliveryGuarantee.EXACTLY_ONCE, TILE_TOPICS))
			.isEqualTo(200L);
	}

	private static Object commitInterval(Optional<Duration> configured, DeliveryGuarantee guarantee,
			Map<String, Duration> tileTopics) {
		return commitInterval(configured, guarantee, tileTopics, Set.of());
	}

	private static Object commitInterval(Optional<Duration> configured, DeliveryGuarantee guarantee,
			Map<String, Duration> tileTopics, Set<String> indexTopics) {
		EngineProperties properties = new EngineProperties("engine-1", Path.of("state"), Duration.ofSeconds(5),
				new EngineProperties.Restart(Duration.ofSeconds(1), Duration.ofSeconds(60), 5), 1, configured, -1, 0,
				Duration.ofSeconds(30));
		CompiledPipeline pipeline = new CompiledPipeline("p", new Topology(), Set.of("in"), Set.of(), "sp.dlq.p",
				guarantee, tileTopics, indexTopics);
		return new StreamsSettings(Map.of(), properties).forPipeline(pipeline, 1)
			.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
	}

}
