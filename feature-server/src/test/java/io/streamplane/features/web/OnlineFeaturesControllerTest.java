package io.streamplane.features.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import io.streamplane.features.ConsumedTile;
import io.streamplane.features.Feature;
import io.streamplane.features.FeatureReader;
import io.streamplane.features.ServedView;
import io.streamplane.features.FeatureViews;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.features.TileStore;
import io.streamplane.features.TileStoreConfig;

class OnlineFeaturesControllerTest {

	private static final long MINUTE_MS = 60_000;

	private static final long T0 = Instant.parse("2026-01-01T12:05:00Z").toEpochMilli();

	@TempDir
	Path directory;

	private TileStore store;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		store = TileStore.open(TileStoreConfig.of(directory));
		store.apply(List.of(tile("u1", T0, 4, 2.5), tile("u1", T0 - 10 * MINUTE_MS, 6, 1.0),
				tile("u3", T0 - 3 * 60 * MINUTE_MS, 1, 9.0)), Map.of());
		Map<String, Feature> features = new LinkedHashMap<>();
		features.put("clicks_5m", Feature.count(Duration.ofMinutes(5)));
		features.put("clicks_15m", Feature.count(Duration.ofMinutes(15)));
		features.put("amount_max_5m", Feature.of(io.streamplane.features.ServedAggregate.MAX, "amount",
				Duration.ofMinutes(5)));
		FeatureViews views = FeatureViews.of(List.of(
				ServedView.of("clicks", "user_id", features, Duration.ofMinutes(1), Duration.ofHours(1)),
				ServedView.of("pages", "page_id", Map.of("clicks_5m", Feature.count(Duration.ofMinutes(5))),
						Duration.ofMinutes(1), Duration.ofHours(1))));
		Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:06:00Z"), ZoneOffset.UTC);
		mvc = MockMvcBuilders
			.standaloneSetup(new OnlineFeaturesController(
					new FeatureApi(views, new FeatureReader(store, clock), 3, DataSize.ofKilobytes(1))))
			.build();
	}

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void shouldAnswerOneColumnPerFeatureWithOneValueStatusAndTimestampPerEntityRow() throws Exception {
		send("""
				{"features": ["clicks:clicks_5m", "clicks:clicks_15m", "clicks:amount_max_5m"],
				 "entities": {"user_id": ["u1", "u2", "u3"]}}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metadata.feature_names")
				.value(Matchers.contains("user_id", "clicks_5m", "clicks_15m", "amount_max_5m")))
			.andExpect(jsonPath("$.results[0].values").value(Matchers.contains("u1", "u2", "u3")))
			.andExpect(jsonPath("$.results[0].statuses").value(Matchers.contains("PRESENT", "PRESENT", "PRESENT")))
			.andExpect(jsonPath("$.results[1].values[0]").value(4))
			.andExpect(jsonPath("$.results[2].values[0]").value(10))
			.andExpect(jsonPath("$.results[3].values[0]").value(2.5))
			.andExpect(jsonPath("$.results[1].statuses")
				.value(Matchers.contains("PRESENT", "NOT_FOUND", "OUTSIDE_MAX_AGE")))
			.andExpect(jsonPath("$.results[1].values[1]").isEmpty())
			.andExpect(jsonPath("$.results[1].event_timestamps")
				.value(Matchers.contains("2026-01-01T12:05:20Z", "1970-01-01T00:00:00Z", "2026-01-01T09:05:20Z")));
	}

	@Test
	void shouldServeEveryFeatureOfAViewWithFullNamesAsOfTheRequestedInstant() throws Exception {
		send("""
				{"view": "clicks", "entities": {"user_id": [1001, "u1"]}, "full_feature_names": true,
				 "as_of": "2026-01-01T11:58:00Z"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metadata.feature_names")
				.value(Matchers.contains("user_id", "clicks__clicks_5m", "clicks__clicks_15m", "clicks__amount_max_5m")))
			.andExpect(jsonPath("$.results[0].values[0]").value(1001))
			.andExpect(jsonPath("$.results[1].values[1]").value(6))
			.andExpect(jsonPath("$.results[1].event_timestamps[1]").value("2026-01-01T11:55:20Z"));
	}

	@Test
	void shouldAnswerUnknownViewsAndFeaturesWithNotFoundNamingWhatIsServed() throws Exception {
		send("""
				{"features": ["clicks:nope", "ghosts:boo"], "entities": {"user_id": ["u1"]}}""")
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("view 'clicks' has no feature 'nope'; its features are "
					+ "[clicks_5m, clicks_15m, amount_max_5m]; no feature view named 'ghosts'; the served views are "
					+ "[clicks, pages]"));
	}

	@Test
	void shouldAnswerAMalformedRequestWithBadRequestNamingEveryField() throws Exception {
		send("""
				{"features": ["clicks_5m"], "entities": {"user_id": ["u1", {"x": 1}]}, "full_feature_names": "yes",
				 "colour": "red"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:streamplane:problem:invalid-request"))
			.andExpect(jsonPath("$.detail").value(Matchers.allOf(Matchers.containsString("colour: unknown field"),
					Matchers.containsString("features[0]: must be \"view:feature\""),
					Matchers.containsString("entities.user_id[1]: must be a non-empty string or an integer"),
					Matchers.containsString("full_feature_names: must be true or false"))));
	}

	@Test
	void shouldNameTheMissingEntityKeyAndTheAmbiguousShortNames() throws Exception {
		send("""
				{"features": ["clicks:clicks_5m", "pages:clicks_5m"], "entities": {"user_id": ["u1"]}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.allOf(
					Matchers.containsString("view 'pages' is keyed by page_id; send entities.page_id"),
					Matchers.containsString("'clicks_5m' is requested twice"))));
	}

	@Test
	void shouldRefuseMoreEntitiesThanTheLimitNamingTheProperty() throws Exception {
		send("""
				{"view": "clicks", "entities": {"user_id": ["a", "b", "c", "d"]}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString(
					"4 entities is more than the 3 one request may read (streamplane.feature-server.max-entities-per-request)")));
	}

	@Test
	void shouldRefuseABodyLargerThanTheLimitWithContentTooLarge() throws Exception {
		send("{\"view\": \"clicks\", \"entities\": {\"user_id\": [\"" + "x".repeat(2000) + "\"]}}")
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("streamplane.feature-server.max-request-size")));
	}

	@Test
	void shouldAnswerBrokenJsonWithBadRequest() throws Exception {
		send("{\"view\": ")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.startsWith("the body is not valid JSON")));
	}

	private ResultActions send(String body) throws Exception {
		return mvc.perform(post("/features").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static ConsumedTile tile(String entity, long start, long clicks, double maxAmount) {
		return ConsumedTile.of(new Tile("clicks", entity, start, MINUTE_MS, start + 20_000,
				Map.of("count()", new PartialAggregate.Count(clicks), "max(amount)", new PartialAggregate.Max(maxAmount))));
	}

}
