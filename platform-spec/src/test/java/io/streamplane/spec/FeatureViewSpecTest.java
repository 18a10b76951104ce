package io.streamplane.spec;

import static io.streamplane.spec.Specs.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code features:} section: what it binds to, and every problem at its path. */
class FeatureViewSpecTest {

	private static final String VIEW = """
			features:
			  - name: merchant_stats
			    from: enriched
			    entity: merchant_id
			    features:
			      payments_5m: { aggregate: "count()", window: 5m }
			      revenue_1h: { aggregate: "sum(amount)", window: 1h }
			      countries_1h: { aggregate: "count_distinct(country)", window: 1h }
			""";

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldBindAViewWithDefaultTileSizeAndTtl() {
		PipelineSpec spec = reader.read(VALID + VIEW, SpecFormat.YAML).spec();

		FeatureView view = spec.features().getFirst();
		assertThat(view.from()).isEqualTo("enriched");
		assertThat(view.tileSize()).isEqualTo(Duration.ofMinutes(1));
		assertThat(view.ttl()).isEmpty();
		assertThat(view.effectiveTtl()).isEqualTo(Duration.ofHours(1));
		assertThat(view.features().values()).extracting(FeatureDefinition::partialId)
			.containsExactly("count()", "sum(amount)", "count_distinct(country)");
		assertThat(view.features().get("payments_5m").argument()).isEqualTo(Optional.empty());
		assertThat(view.keyedByEntity()).isFalse();
		assertThat(reader.read(VALID + VIEW.replace("entity: merchant_id", "entity: merchant_id\n    keyedByEntity: true"),
				SpecFormat.YAML).spec().features().getFirst().keyedByEntity()).isTrue();
	}

	@Test
	void shouldAcceptAPipelineWithFeatureViewsAndNoOutputs() {
		String yaml = VALID.replace("outputs:\n  - { from: enriched, kafka: { topic: enriched } }\n", "") + VIEW;

		PipelineSpec spec = reader.read(yaml, SpecFormat.YAML).spec();

		assertThat(spec.outputs()).isEmpty();
		assertThat(spec.features()).hasSize(1);
	}

	static Stream<Arguments> invalidViews() {
		return Stream.of(
				arguments("neither outputs nor views",
						VALID.replace("outputs:\n  - { from: enriched, kafka: { topic: enriched } }\n", ""), "outputs",
						"a pipeline needs at least one output, feature view or index"),
				arguments("unknown from", VALID + VIEW.replace("from: enriched", "from: enrichd"), "features[0].from",
						"undefined input 'enrichd'; did you mean 'enriched'?"),
				arguments("unknown entity field", VALID + VIEW.replace("entity: merchant_id", "entity: merchant"),
						"features[0].entity", "unknown field 'merchant'"),
				arguments("window not a multiple of the tile", VALID + VIEW.replace("window: 5m", "window: 90s"),
						"features[0].features.payments_5m.window", "window 90s is not a multiple of the tile size 1m"),
				arguments("collect", VALID + VIEW.replace("count_distinct(country)", "collect(country)"),
						"features[0].features.countries_1h.aggregate", "collect() cannot be a feature"),
				arguments("unknown aggregate", VALID + VIEW.replace("count()", "median(amount)"),
						"features[0].features.payments_5m.aggregate", "unknown aggregate function 'median'"),
				arguments("sum of a string", VALID + VIEW.replace("sum(amount)", "sum(country)"),
						"features[0].features.revenue_1h.aggregate", "sum needs a number"),
				arguments("duplicate view name", VALID + VIEW + VIEW.substring(VIEW.indexOf("  - name")),
						"features[1].name", "view 'merchant_stats' is defined twice"),
				arguments("bad tile size", VALID + VIEW.replace("entity: merchant_id", "entity: merchant_id\n    tileSize: 0s"),
						"features[0].tileSize", "expected a positive duration"),
				arguments("unknown view field", VALID + VIEW.replace("entity: merchant_id", "entity: merchant_id\n    window: 5m"),
						"features[0].window", "unknown field 'window'"),
				arguments("missing window", VALID + VIEW.replace("\"count()\", window: 5m", "\"count()\""),
						"features[0].features.payments_5m.window", "missing required field 'window'"),
				arguments("keyedByEntity not a boolean",
						VALID + VIEW.replace("entity: merchant_id", "entity: merchant_id\n    keyedByEntity: \"true\""),
						"features[0].keyedByEntity", "expected true or false"),
				arguments("no features", VALID + "features:\n  - { name: v, from: enriched, entity: id, features: {} }\n",
						"features[0].features", "a view needs at least one feature"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidViews")
	void shouldReportTheProblemAtItsPath(String description, String yaml, String path, String message) {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));

		assertThat(failure).as(description).isNotNull();
		assertThat(failure.problems()).as(description).anySatisfy(problem -> {
			assertThat(problem.path()).isEqualTo(path);
			assertThat(problem.message()).contains(message);
		});
	}

}
