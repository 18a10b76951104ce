package io.streamplane.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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

	@Test
	void shouldFetchChangelogsInLargerChunksWhileRestoringByDefault() {
		assertThat(settings(Map.of()).get("restore.consumer.max.partition.fetch.bytes")).isEqualTo(8 * 1024 * 1024);
	}

	@Test
	void shouldLeaveTheRestoreFetchSizeToAnyMaxPartitionFetchBytesOfTheUser() {
		assertThat(settings(Map.of("restore.consumer.max.partition.fetch.bytes", "2097152"))
			.get("restore.consumer.max.partition.fetch.bytes")).isEqualTo("2097152");
		assertThat(settings(Map.of("consumer.max.partition.fetch.bytes", "2097152")))
			.doesNotContainKey("restore.consumer.max.partition.fetch.bytes");
		assertThat(settings(Map.of("max.partition.fetch.bytes", "2097152")))
			.doesNotContainKey("restore.consumer.max.partition.fetch.bytes");
	}

	@Test
	void shouldGiveTheRestoreConsumerTheLargerFetchSize() {
		StreamsConfig config = new StreamsConfig(settings(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")));
		assertThat(config.getRestoreConsumerConfigs("client").get("max.partition.fetch.bytes")).isEqualTo(8 * 1024 * 1024);
		assertThat(config.getMainConsumerConfigs("group", "client", 0)).doesNotContainKey("max.partition.fetch.bytes");
	}

	@Test
	void shouldLingerFiveMillisecondsInTheProducerByDefault() {
		StreamsConfig config = new StreamsConfig(settings(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")));
		assertThat(config.getProducerConfigs("client").get("linger.ms")).isEqualTo(5);
	}

	@Test
	void shouldLeaveTheLingerToAnyLingerMsOfTheUser() {
		StreamsConfig plain = new StreamsConfig(settings(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
				"linger.ms", "50")));
		StreamsConfig prefixed = new StreamsConfig(settings(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
				"localhost:9092", "producer.linger.ms", "20")));
		assertThat(plain.getProducerConfigs("client").get("linger.ms")).isEqualTo("50");
		assertThat(prefixed.getProducerConfigs("client").get("linger.ms")).isEqualTo("20");
	}

	private static Properties settings(Map<String, Object> base) {
		CompiledPipeline pipeline = new CompiledPipeline("p", new Topology(), Set.of("in"), Set.of(), "sp.dlq.p",
				DeliveryGuarantee.EXACTLY_ONCE, Map.of(), Set.of());
		return new StreamsSettings(base, properties(Optional.empty())).forPipeline(pipeline, 1);
	}

	private static EngineProperties properties(Optional<Duration> commitInterval) {
		return new EngineProperties("engine-1", Path.of("state"), Duration.ofSeconds(5),
				new EngineProperties.Restart(Duration.ofSeconds(1), Duration.ofSeconds(60), 5), 1, commitInterval, -1, 0,
				Duration.ofSeconds(30));
	}

	private static Object commitInterval(Optional<Duration> configured, DeliveryGuarantee guarantee,
			Map<String, Duration> tileTopics) {
		return commitInterval(configured, guarantee, tileTopics, Set.of());
	}

	private static Object commitInterval(Optional<Duration> configured, DeliveryGuarantee guarantee,
			Map<String, Duration> tileTopics, Set<String> indexTopics) {
		EngineProperties properties = properties(configured);
		CompiledPipeline pipeline = new CompiledPipeline("p", new Topology(), Set.of("in"), Set.of(), "sp.dlq.p",
				guarantee, tileTopics, indexTopics);
		return new StreamsSettings(Map.of(), properties).forPipeline(pipeline, 1)
			.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
	}

}
