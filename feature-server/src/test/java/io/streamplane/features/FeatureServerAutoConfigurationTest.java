package io.streamplane.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.streamplane.features.ingest.TileIngest;
import io.streamplane.features.serving.ServingServer;

class FeatureServerAutoConfigurationTest {

	@TempDir
	Path directory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, FeatureServerAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=localhost:1",
					"streamplane.feature-server.data-dir=" + directory,
					"streamplane.feature-server.block-cache=16MB", "streamplane.feature-server.write-buffers=4MB");
	}

	@Test
	void shouldStayOffWithoutTheFeatureServerRole() {
		runner().withPropertyValues("streamplane.roles=engine")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TileStore.class));
	}

	@Test
	void shouldServeTheConfiguredViewsInOrder() {
		runner().withPropertyValues("streamplane.roles=feature-server",
				"streamplane.feature-server.views[user_clicks].entity-key=user_id",
				"streamplane.feature-server.views[user_clicks].tile-size=1m",
				"streamplane.feature-server.views[user_clicks].ttl=1h",
				"streamplane.feature-server.views[user_clicks].features[clicks_5m].aggregate=count",
				"streamplane.feature-server.views[user_clicks].features[clicks_5m].window=5m",
				"streamplane.feature-server.views[user_clicks].features[amount_1h].aggregate=sum",
				"streamplane.feature-server.views[user_clicks].features[amount_1h].argument=amount",
				"streamplane.feature-server.views[user_clicks].features[amount_1h].window=1h")
			.run(context -> {
				assertThat(context).hasNotFailed().hasSingleBean(TileStore.class).hasSingleBean(TileIngest.class);
				ServedView view = context.getBean(FeatureViews.class).find("user_clicks").orElseThrow();
				assertThat(view.features()).containsExactly(
						Map.entry("clicks_5m", Feature.count(Duration.ofMinutes(5))),
						Map.entry("amount_1h", Feature.of(ServedAggregate.SUM, "amount", Duration.ofHours(1))));
				assertThat(view.retention()).isEqualTo(Duration.ofMinutes(61));
			});
	}

	@Test
	void shouldFailNamingEveryInvalidView() {
		runner().withPropertyValues("streamplane.roles=feature-server",
				"streamplane.feature-server.views[a].entity-key=user_id",
				"streamplane.feature-server.views[a].tile-size=1m", "streamplane.feature-server.views[a].ttl=1h",
				"streamplane.feature-server.views[a].features[n].aggregate=count",
				"streamplane.feature-server.views[a].features[n].window=90s",
				"streamplane.feature-server.views[b].entity-key=user_id",
				"streamplane.feature-server.views[b].tile-size=1m", "streamplane.feature-server.views[b].ttl=1h",
				"streamplane.feature-server.views[b].features[n].aggregate=count",
				"streamplane.feature-server.views[b].features[n].window=150s")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("streamplane.feature-server.views.a: ")
				.hasMessageContaining("streamplane.feature-server.views.b: ")
				.hasMessageContaining("must be a multiple of the tile size"));
	}

	@Test // issue 14: one loop per core (2 here) left 8 client connections queueing behind each other
	void shouldGiveTheServingListenerAnEventLoopPerConnectionOfAUsualPoolByDefault() {
		runner().withPropertyValues("streamplane.roles=feature-server", "streamplane.feature-server.serving-port=0")
			.run(context -> {
				int expected = Math.max(8, Runtime.getRuntime().availableProcessors());
				assertThat(context.getBean(FeatureServerProperties.class).servingThreads()).isEqualTo(expected);
				assertThat(context.getBean(ServingServer.class).threads()).isEqualTo(expected);
			});
	}

	@Test
	void shouldKeepTheConfiguredServingThreads() {
		runner().withPropertyValues("streamplane.roles=feature-server", "streamplane.feature-server.serving-port=0",
				"streamplane.feature-server.serving-threads=3")
			.run(context -> assertThat(context.getBean(ServingServer.class).threads()).isEqualTo(3));
	}

	@Test
	void shouldRejectANonPositivePollTimeout() {
		runner().withPropertyValues("streamplane.roles=feature-server", "streamplane.feature-server.poll-timeout=0s")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("poll-timeout, topic-refresh-interval and prune-interval must be positive"));
	}

	@Test
	void shouldRejectAReadTokenShorterThanSixteenCharacters() {
		runner().withPropertyValues("streamplane.roles=feature-server", "streamplane.feature-server.read-token=short")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("read-token must be at least 16 characters")
				.hasMessageNotContaining("short"));
	}

	@Test
	void shouldMaskTheReadTokenWhenThePropertiesArePrinted() {
		runner().withPropertyValues("streamplane.roles=feature-server",
				"streamplane.feature-server.read-token=a-long-secret-read-token")
			.run(context -> assertThat(context.getBean(FeatureServerProperties.class).toString())
				.contains("readToken=******")
				.doesNotContain("a-long-secret-read-token"));
	}

	@Test
	void shouldRejectWriteBuffersThatDoNotFitTheBlockCache() {
		runner().withPropertyValues("streamplane.roles=feature-server", "streamplane.feature-server.write-buffers=16MB")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("writeBuffers: must be positive and smaller than blockCache"));
	}

}
