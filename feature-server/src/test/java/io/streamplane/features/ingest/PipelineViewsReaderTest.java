package io.streamplane.features.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import io.streamplane.features.ServedAggregate;
import io.streamplane.features.Feature;
import io.streamplane.features.ServedView;
import io.streamplane.features.FeatureViews;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.protocol.Topics;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import io.streamplane.spec.SpecVersions;

class PipelineViewsReaderTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FeatureViews views = FeatureViews.of(List.of(ServedView.of("configured", "id",
			Map.of("n", Feature.count(Duration.ofMinutes(1))), Duration.ofMinutes(1), Duration.ofMinutes(5))));

	private final SpecVersions specs = new SpecVersions();

	private final PipelineViewsReader reader = new PipelineViewsReader(
			() -> new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()), views, specs);

	@Test
	void shouldServeTheViewsOfARunningPipelineAsItsSpecDefinesThem() throws Exception {
		reader.apply(record("online-click-features", desired(PipelineState.RUNNING)));

		ServedView view = views.find("user_clicks").orElseThrow();
		assertThat(views.names()).containsExactly("user_clicks", "configured");
		assertThat(view.entityKey()).isEqualTo("user_id");
		assertThat(view.tileSize()).isEqualTo(Duration.ofMinutes(1));
		assertThat(view.ttl()).isEqualTo(Duration.ofHours(1));
		assertThat(view.features()).containsEntry("clicks_5m", Feature.of(ServedAggregate.COUNT, "", Duration.ofMinutes(5)))
			.containsEntry("clicks_1h", Feature.count(Duration.ofHours(1)));
	}

	@Test
	void shouldStopServingTheViewsOfADeletedPipelineButKeepConfiguredOnes() throws Exception {
		reader.apply(record("online-click-features", desired(PipelineState.RUNNING)));
		reader.apply(record("online-click-features", desired(PipelineState.DELETED)));

		assertThat(views.names()).containsExactly("configured");

		reader.apply(record("online-click-features", desired(PipelineState.PAUSED)));
		reader.apply(record("online-click-features", null));

		assertThat(views.names()).containsExactly("configured");
	}

	@Test
	void shouldValidateAVersionOnceHoweverOftenItIsRePublished() throws Exception {
		reader.apply(record("online-click-features", desired(PipelineState.RUNNING)));
		reader.apply(record("online-click-features", desired(PipelineState.RUNNING)));
		reader.apply(record("online-click-features", desired(PipelineState.PAUSED)));

		assertThat(specs.validations()).as("issue 11: validated once per version").isOne();
		assertThat(views.names()).containsExactly("user_clicks", "configured");
	}

	@Test
	void shouldIgnoreAMalformedDesiredState() {
		reader.apply(record("broken", "{\"pipeline\":\"broken\""));

		assertThat(views.names()).containsExactly("configured");
	}

	private static String desired(PipelineState state) throws Exception {
		String yaml = Files.readString(Path.of("..", "examples", "online-click-features.yaml"));
		return JSON.writeValueAsString(new DesiredState("online-click-features", 1, state,
				new SpecReader().read(yaml, SpecFormat.YAML).document(), Instant.parse("2026-01-01T00:00:00Z")));
	}

	private static ConsumerRecord<String, String> record(String key, String value) {
		return new ConsumerRecord<>(Topics.PIPELINES, 0, 0, key, value);
	}

}
