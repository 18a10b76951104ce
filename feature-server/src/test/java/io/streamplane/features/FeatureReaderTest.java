package io.streamplane.features;

import static io.streamplane.features.Tiles.consumed;
import static io.streamplane.features.Tiles.counted;
import static io.streamplane.features.Tiles.tile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.streamplane.protocol.tiles.PartialAggregate.Avg;
import io.streamplane.protocol.tiles.PartialAggregate.Count;
import io.streamplane.protocol.tiles.PartialAggregate.First;
import io.streamplane.protocol.tiles.PartialAggregate.Last;
import io.streamplane.protocol.tiles.PartialAggregate.Max;
import io.streamplane.protocol.tiles.PartialAggregate.Min;
import io.streamplane.protocol.tiles.PartialAggregate.Sum;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.spec.DecimalType;

class FeatureReaderTest {

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	@TempDir
	Path directory;

	private TileStore store;

	private FeatureReader reader;

	@BeforeEach
	void open() {
		store = TileStore.open(TileStoreConfig.of(directory));
		reader = new FeatureReader(store, Clock.fixed(Instant.parse("2026-01-01T12:05:00Z"), ZoneOffset.UTC));
	}

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void shouldMergeEveryAggregateOverTheTilesOfTheWindow() {
		store.apply(List.of(consumed(orders("2026-01-01T12:01:30Z", 2, 10, 4, 6, "pen", "ink")),
				consumed(orders("2026-01-01T12:03:30Z", 1, 3, 3, 3, "cap", "cap"))), Map.of());

		Map<String, FeatureValue> values = reader.read(ordersView(), "u1");

		assertThat(values).extractingFromEntries(entry -> entry.getKey() + "=" + entry.getValue().value())
			.containsExactly("orders=3", "spent=13.0", "smallest=3.0", "largest=6.0", "mean=" + 13.0 / 3,
					"first_item=pen", "last_item=cap");
		assertThat(values.values()).allSatisfy(value -> {
			assertThat(value.status()).isEqualTo(FeatureStatus.PRESENT);
			assertThat(value.eventTimestamp()).isEqualTo(Instant.parse("2026-01-01T12:03:30Z"));
		});
	}

	@Test
	void shouldServeDecimalFeaturesExactlyAsTextAtTheirScale() {
		Optional<DecimalType> cents = Optional.of(new DecimalType(18, 2));
		Map<String, Feature> features = new LinkedHashMap<>();
		features.put("spent_5m", new Feature(ServedAggregate.SUM, "amount", FIVE_MINUTES, cents));
		features.put("mean_5m", new Feature(ServedAggregate.AVG, "amount", FIVE_MINUTES, cents));
		features.put("spent_1m", new Feature(ServedAggregate.SUM, "amount", Duration.ofMinutes(1), cents));
		ServedView view = ServedView.of("payments", "user_id", features, Duration.ofMinutes(1), Duration.ofHours(1));
		store.apply(List.of(
				consumed(tile("payments", "u1", "2026-01-01T12:01:30Z", Map.of(
						"sum(amount) as decimal(18, 2)", new PartialAggregate.DecimalSum("0.10"),
						"avg(amount) as decimal(18, 2)", new PartialAggregate.DecimalAvg("0.10", 1)))),
				consumed(tile("payments", "u1", "2026-01-01T12:02:30Z", Map.of(
						"sum(amount) as decimal(18, 2)", new PartialAggregate.DecimalSum("0.32"),
						"avg(amount) as decimal(18, 2)", new PartialAggregate.DecimalAvg("0.32", 2))))), Map.of());

		Map<String, FeatureValue> values = reader.read(view, "u1");

		assertThat(values).extractingFromEntries(entry -> entry.getKey() + "=" + entry.getValue().value())
			.containsExactly("spent_5m=0.42", "mean_5m=0.14", "spent_1m=0.00");
		assertThat(values.values()).extracting(FeatureValue::value).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
		assertThat(values.values()).extracting(FeatureValue::status).containsOnly(FeatureStatus.PRESENT);
	}

	@Test
	void shouldCountDistinctValuesOnceAcrossTheTilesOfTheWindow() {
		ServedView view = ServedView.of("items", "user_id", Map.of("items_5m",
				Feature.of(ServedAggregate.COUNT_DISTINCT, "item", FIVE_MINUTES)), Duration.ofMinutes(1), Duration.ofHours(1));
		store.apply(List.of(
				consumed(tile("items", "u1", "2026-01-01T12:01:30Z", Map.of("count_distinct(item)",
						PartialAggregate.Distinct.empty().add("pen").add("ink")))),
				consumed(tile("items", "u1", "2026-01-01T12:03:30Z", Map.of("count_distinct(item)",
						PartialAggregate.Distinct.empty().add("ink").add("cap"))))), Map.of());

		assertThat(reader.read(view, "u1").get("items_5m").value()).isEqualTo(3L);
		assertThat(reader.read(view, "u1", Instant.parse("2026-01-01T12:08:00Z")).get("items_5m").value()).isEqualTo(2L);
		assertThat(reader.read(view, "u1", Instant.parse("2026-01-01T12:08:40Z")).get("items_5m").value()).isEqualTo(0L);
	}

	@Test
	void shouldLetValuesFallAsTilesAgeOutWithoutNewEvents() {
		store.apply(List.of(consumed(counted("clicks", "u1", "2026-01-01T12:00:30Z", 2)),
				consumed(counted("clicks", "u1", "2026-01-01T12:03:30Z", 1))), Map.of());

		assertThat(clicks("2026-01-01T12:03:59Z")).isEqualTo(3L);
		assertThat(clicks("2026-01-01T12:05:00Z")).isEqualTo(3L);
		assertThat(clicks("2026-01-01T12:05:01Z")).isEqualTo(1L);
		assertThat(clicks("2026-01-01T12:08:00Z")).isEqualTo(1L);
		assertThat(clicks("2026-01-01T12:08:01Z")).isEqualTo(0L);
	}

	@Test
	void shouldReadOutsideMaxAgeWhenTheNewestEventIsOlderThanTheTtl() {
		store.apply(List.of(consumed(counted("clicks", "u1", "2026-01-01T12:00:30Z", 2))), Map.of());

		FeatureValue stale = reader.read(clicksView(), "u1", Instant.parse("2026-01-01T13:00:31Z")).get("clicks_5m");

		assertThat(stale).isEqualTo(FeatureValue.outsideMaxAge(Instant.parse("2026-01-01T12:00:30Z")));
		assertThat(reader.read(clicksView(), "u1", Instant.parse("2026-01-01T13:00:30Z")).get("clicks_5m"))
			.isEqualTo(FeatureValue.present(0L, Instant.parse("2026-01-01T12:00:30Z")));
	}

	@Test
	void shouldReadNotFoundForAnEntityNeverSeenOrOnlySeenAfterTheRequestTime() {
		store.apply(List.of(consumed(counted("clicks", "u1", "2026-01-01T12:07:30Z", 2))), Map.of());

		assertThat(reader.read(clicksView(), "u9")).containsExactly(Map.entry("clicks_5m", FeatureValue.notFound(null)));
		assertThat(reader.read(clicksView(), "u1")).containsExactly(Map.entry("clicks_5m", FeatureValue.notFound(null)));
	}

	@Test
	void shouldReadNotFoundForAMinimumOverAnEmptyWindowButZeroForASum() {
		store.apply(List.of(consumed(orders("2026-01-01T11:50:30Z", 2, 10, 4, 6, "pen", "ink"))), Map.of());

		Map<String, FeatureValue> values = reader.read(ordersView(), "u1");

		assertThat(values.get("spent")).isEqualTo(FeatureValue.present(0.0, Instant.parse("2026-01-01T11:50:30Z")));
		assertThat(values.get("smallest").status()).isEqualTo(FeatureStatus.NOT_FOUND);
		assertThat(values.get("last_item").value()).isNull();
	}

	@Test
	void shouldRejectAViewNamingEveryProblem() {
		assertThatThrownBy(() -> ServedView.of("clicks", "", Map.of("c", Feature.count(Duration.ofSeconds(90))),
				Duration.ofMinutes(1), null))
			.isInstanceOf(FeatureServerException.class)
			.hasMessageContaining("entityKey:").hasMessageContaining("ttl:")
			.hasMessageContaining("features.c.window: must be a multiple of the tile size PT1M, got PT1M30S");
	}

	private Object clicks(String asOf) {
		return reader.read(clicksView(), "u1", Instant.parse(asOf)).get("clicks_5m").value();
	}

	private static ServedView clicksView() {
		return ServedView.of("clicks", "user_id", Map.of("clicks_5m", Feature.count(FIVE_MINUTES)),
				Duration.ofMinutes(1), Duration.ofHours(1));
	}

	private static ServedView ordersView() {
		Map<String, Feature> features = new LinkedHashMap<>();
		features.put("orders", Feature.count(FIVE_MINUTES));
		features.put("spent", Feature.of(ServedAggregate.SUM, "amount", FIVE_MINUTES));
		features.put("smallest", Feature.of(ServedAggregate.MIN, "amount", FIVE_MINUTES));
		features.put("largest", Feature.of(ServedAggregate.MAX, "amount", FIVE_MINUTES));
		features.put("mean", Feature.of(ServedAggregate.AVG, "amount", FIVE_MINUTES));
		features.put("first_item", Feature.of(ServedAggregate.FIRST, "item", FIVE_MINUTES));
		features.put("last_item", Feature.of(ServedAggregate.LAST, "item", FIVE_MINUTES));
		return ServedView.of("orders", "user_id", features, Duration.ofMinutes(1), Duration.ofHours(1));
	}

	private static Tile orders(String newest, long n, double sum, double min, double max, String first, String last) {
		long newestMs = Instant.parse(newest).toEpochMilli();
		return tile("orders", "u1", newest, Map.of("count()", new Count(n), "sum(amount)", new Sum(sum),
				"min(amount)", new Min(min), "max(amount)", new Max(max), "avg(amount)", new Avg(sum, n),
				"first(item)", new First(first, newestMs - 1000), "last(item)", new Last(last, newestMs)));
	}
}
