package io.streamplane.spec;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code join: { stream, on, streamOn, within }}: what a valid spec binds to, and each problem at its path. */
class StreamJoinSpecTest {

	private static final String SPEC = """
			name: ads
			sources:
			  impressions:
			    kafka: { topic: impressions }
			    fields: { impression_id: string, ad: string, ts: int }
			  clicks:
			    kafka: { topic: clicks }
			    fields: { impression_id: string, ts: int, amount: double }
			tables:
			  ads:
			    kafka: { topic: ads }
			    primaryKey: [id]
			transforms:
			  clicked:
			    from: impressions
			    steps:
			      - join: { stream: valid_clicks, on: impression_id, streamOn: impression_id, within: 10m }
			      - select: [impression_id, ad, ts, valid_clicks_ts]
			  valid_clicks:
			    from: clicks
			    steps:
			      - filter: "amount >= 0.0"
			outputs:
			  - { from: clicked, kafka: { topic: clicked } }
			""";

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldBindAStreamJoinAfterTheTransformItJoinsWhateverTheOrderWritten() {
		PipelineSpec spec = reader.read(SPEC, SpecFormat.YAML).spec();

		assertThat(spec.transforms().keySet()).containsExactly("valid_clicks", "clicked");
		Step.StreamJoin join = (Step.StreamJoin) spec.transforms().get("clicked").steps().getFirst();
		assertThat(join.stream()).isEqualTo("valid_clicks");
		assertThat(join.on().text()).isEqualTo("impression_id");
		assertThat(join.streamOn().text()).isEqualTo("impression_id");
		assertThat(join.within()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void shouldTypeTheOtherStreamsFieldsAfterTheJoinAndRenameTheClashingOnes() {
		String yaml = SPEC.replace("      - select: [impression_id, ad, ts, valid_clicks_ts]\n",
				"      - filter: \"amount > 1.5 && valid_clicks_ts > ts\"\n");

		PipelineSpec spec = reader.read(yaml, SpecFormat.YAML).spec();

		assertThat(spec.transforms().get("clicked").steps()).hasSize(2);
		assertThat(catchThrowableOfType(SpecValidationException.class, () -> reader.read(
				yaml.replace("amount > 1.5", "amount > 'x'"), SpecFormat.YAML))).isNotNull();
	}

	@ParameterizedTest(name = "type: {0}")
	@ValueSource(strings = { "left", "right", "full" })
	void shouldBindAnOuterTypeWithTheDeclaredFieldsOfBothSides(String type) {
		PipelineSpec spec = reader.read(SPEC.replace("within: 10m", "within: 10m, type: " + type), SpecFormat.YAML).spec();

		Step.StreamJoin join = (Step.StreamJoin) spec.transforms().get("clicked").steps().getFirst();
		assertThat(join.type()).isEqualTo(StreamJoinType.valueOf(type.toUpperCase(Locale.ROOT)));
		assertThat(join.fields()).containsExactly("impression_id", "ad", "ts");
		assertThat(join.streamFields()).containsExactly("impression_id", "ts", "amount");
	}

	@Test
	void shouldJoinASourceDirectly() {
		PipelineSpec spec = reader.read(SPEC.replace("stream: valid_clicks", "stream: clicks")
			.replace("valid_clicks_ts]", "clicks_ts]"), SpecFormat.YAML).spec();

		assertThat(((Step.StreamJoin) spec.transforms().get("clicked").steps().getFirst()).stream()).isEqualTo("clicks");
	}

	static Stream<Arguments> invalidSpecs() {
		String at = "transforms.clicked.steps[0].join";
		return Stream.of(
				arguments("unknown type", SPEC.replace("within: 10m", "within: 10m, type: cross"), at + ".type",
						"unknown value \"cross\"; a stream join is type: inner (pairs only), left, right or full"),
				arguments("outer", SPEC.replace("within: 10m", "within: 10m, type: outer"), at + ".type",
						"an outer join is type: full"),
				arguments("undefined stream", SPEC.replace("stream: valid_clicks", "stream: valid_click"), at + ".stream",
						"undefined stream 'valid_click'; did you mean 'valid_clicks'?"),
				arguments("a table", SPEC.replace("stream: valid_clicks", "stream: ads"), at + ".stream",
						"'ads' is a table, not a stream of events; join a table with join: { table: ads, on: <key> }"),
				arguments("no within", SPEC.replace(", within: 10m", ""), at + ".within", "missing required field 'within'"),
				arguments("zero within", SPEC.replace("within: 10m", "within: 0s"), at + ".within",
						"expected a positive duration"),
				arguments("no streamOn", SPEC.replace(" streamOn: impression_id,", ""), at + ".streamOn",
						"missing required field 'streamOn'"),
				arguments("streamOn not a field of the other stream", SPEC.replace("streamOn: impression_id", "streamOn: ad"),
						at + ".streamOn", "ad"),
				arguments("double key", SPEC.replace("streamOn: impression_id", "streamOn: amount"), at + ".streamOn",
						"a stream join key must be a string, int or bool, but \"amount\" is double"),
				arguments("unknown field", SPEC.replace("within: 10m", "within: 10m, mode: lookup"), at + ".mode",
						"unknown field 'mode'"),
				arguments("field of the other stream before the join", SPEC.replace("valid_clicks_ts]", "nope]"),
						"transforms.clicked.steps[1].select[3]", "nope"),
				arguments("joining itself", SPEC.replace("stream: valid_clicks", "stream: clicked"),
						"transforms.clicked.from", "cycle among transforms: clicked"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSpecs")
	void shouldReportTheProblemAtItsPath(String description, String yaml, String path, String message) {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));

		assertThat(failure).as(description).isNotNull();
		assertThat(failure.problems()).as(description)
			.anySatisfy(problem -> {
				assertThat(problem.path()).isEqualTo(path);
				assertThat(problem.message()).contains(message);
			});
	}

	@Test
	void shouldReportEveryProblemOfAStreamJoinAtOnce() {
		String yaml = SPEC.replace("stream: valid_clicks", "stream: nowhere").replace("within: 10m", "within: 10m, type: cross")
			.replace("streamOn: impression_id", "streamOn: \"1.5\"");

		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));

		assertThat(failure.problems()).extracting(SpecProblem::path).contains("transforms.clicked.steps[0].join.stream",
				"transforms.clicked.steps[0].join.type");
		assertThat(List.of(failure.problems().size())).allMatch(count -> count >= 2);
	}

}
