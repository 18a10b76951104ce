package io.streamplane.features.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import io.streamplane.features.ConsumedTile;
import io.streamplane.features.Feature;
import io.streamplane.features.FeatureReader;
import io.streamplane.features.ServedView;
import io.streamplane.features.FeatureViews;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;

class FeatureControllerTest {

	private static final long MINUTE_MS = 60_000;

	@TempDir
	Path directory;

	private TileStore store;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		store = TileStore.open(TileStoreConfig.of(directory));
		long start = Instant.parse("2026-01-01T12:05:00Z").toEpochMilli();
		store.apply(List.of(ConsumedTile.of(new Tile("clicks", "u1", start, MINUTE_MS, start + 20_000,
				Map.of("count()", new PartialAggregate.Count(4))))), Map.of());
		FeatureViews views = FeatureViews.of(List.of(ServedView.of("clicks", "user_id",
				Map.of("clicks_5m", Feature.count(Duration.ofMinutes(5))), Duration.ofMinutes(1), Duration.ofHours(1))));
		Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:06:00Z"), ZoneOffset.UTC);
		mvc = MockMvcBuilders.standaloneSetup(new FeatureController(
				new FeatureApi(views, new FeatureReader(store, clock), 1000, DataSize.ofMegabytes(1))))
			.setControllerAdvice(new FeatureExceptionHandler())
			.build();
	}

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void shouldServeTheFeaturesOfAnEntityAsOfNow() throws Exception {
		mvc.perform(get("/features/clicks/u1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.view").value("clicks"))
			.andExpect(jsonPath("$.entity").value("u1"))
			.andExpect(jsonPath("$.features.clicks_5m.value").value(4))
			.andExpect(jsonPath("$.features.clicks_5m.status").value("PRESENT"))
			.andExpect(jsonPath("$.features.clicks_5m.event_timestamp").value("2026-01-01T12:05:20Z"));
	}

	@Test
	void shouldServeNotFoundWithNullsForAnUnknownEntity() throws Exception {
		mvc.perform(get("/features/clicks/u9").param("as_of", "2026-01-01T12:06:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features.clicks_5m.status").value("NOT_FOUND"))
			.andExpect(jsonPath("$.features.clicks_5m.value").isEmpty())
			.andExpect(jsonPath("$.features.clicks_5m.event_timestamp").isEmpty());
	}

	@Test
	void shouldAnswerAnUnknownViewWithProblemNamingTheServedViews() throws Exception {
		mvc.perform(get("/features/nope/u1"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:not-found"))
			.andExpect(jsonPath("$.detail").value("no feature view named 'nope'; the served views are [clicks]"));
	}

	@Test
	void shouldAnswerABadAsOfWithProblemNamingTheParameterAndAnExample() throws Exception {
		mvc.perform(get("/features/clicks/u1").param("as_of", "noon"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:invalid-request"))
			.andExpect(jsonPath("$.detail")
				.value("as_of: 'noon' is not an ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z; "
						+ "send e.g. as_of=2026-01-01T12:00:00Z"));
	}

	/** Issue 12: an instant Java parses but epoch milliseconds cannot hold was a 500 with an ERROR stack trace. */
	@Test
	void shouldAnswerAnAsOfBeyondYear9999WithABadRequest() throws Exception {
		mvc.perform(get("/features/clicks/u1").param("as_of", "+999999999-12-31T23:59:59Z"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
					"as_of: '+999999999-12-31T23:59:59Z' is not an ISO-8601 instant from 0001-01-01T00:00:00Z")));
	}

}
