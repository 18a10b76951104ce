package io.streamplane.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cel.common.types.SimpleType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.streamplane.spec.Specs.VALID;
import static io.streamplane.spec.Specs.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SpecReaderTest {

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldBindEveryPartOfTheSpecWithDefaults() {
		PipelineSpec spec = reader.read(withSteps("""
				- filter: "amount > 0"
				- set: { is_high_value: "amount >= 1000" }
				- keyBy: merchant_id
				- window: { hopping: { size: 5m, advance: 1m } }
				  aggregate: { revenue: "sum(amount)", payments: "count()" }"""), SpecFormat.YAML).spec();

		Source payments = spec.sources().get("payments");
		assertThat(payments.kafka()).isEqualTo(KafkaTopic.json("payments"));
		assertThat(payments.eventTime()).isEqualTo(EventTime.field("ts", EventTime.Unit.SECONDS));
		assertThat(payments.lateness()).isZero();
		assertThat(payments.key()).isEmpty();
		assertThat(payments.fields()).containsEntry("amount", FieldType.DOUBLE).hasSize(5);
		List<Step> steps = spec.transforms().get("enriched").steps();
		assertThat(steps).map(step -> step.getClass().getSimpleName())
			.containsExactly("Filter", "SetFields", "KeyBy", "Window");
		Step.Window window = (Step.Window) steps.get(3);
		assertThat(window.kind()).isEqualTo(new WindowKind.Hopping(Duration.ofMinutes(5), Duration.ofMinutes(1)));
		assertThat(window.emit()).isEqualTo(Emit.FINAL);
		assertThat(window.aggregations()).map(Aggregation::function)
			.containsExactly(AggregateFunction.SUM, AggregateFunction.COUNT);
		assertThat(window.aggregations().get(0).argument()).map(Expression::resultType).contains(SimpleType.DOUBLE);
		assertThat(spec.processing()).isEqualTo(new Processing(DeliveryGuarantee.EXACTLY_ONCE, "sp.dlq.shop"));
		assertThat(spec.description()).isEmpty();
	}

	@Test
	void shouldReadJsonAndYamlIntoTheSameSpec() {
		ValidatedSpec fromYaml = reader.read(VALID, SpecFormat.YAML);
		ValidatedSpec fromJson = reader.read(fromYaml.document().toString(), SpecFormat.JSON);

		assertThat(fromJson.document()).isEqualTo(fromYaml.document());
		assertThat(fromJson.spec()).isEqualTo(fromYaml.spec());
	}

	@Test
	void shouldKeepAPrivateCopyOfTheDocument() {
		ObjectNode document = (ObjectNode) JsonMapper.shared().readTree(reader.read(VALID, SpecFormat.YAML).document().toString());
		ValidatedSpec validated = reader.read(document);

		document.put("name", "changed");

		assertThat(validated.document().get("name").stringValue()).isEqualTo("shop");
	}

	@Test
	void shouldOrderTransformsSoEachFollowsItsInputs() {
		String yaml = VALID.replace("transforms:\n", """
				transforms:
				  totals: { from: [flagged, enriched] }
				  flagged:
				    from: enriched
				    steps: [ { set: { big: "amount > 100" } } ]
				""");

		PipelineSpec spec = reader.read(yaml, SpecFormat.YAML).spec();

		assertThat(spec.transforms().keySet()).containsExactly("enriched", "flagged", "totals");
		assertThat(spec.transforms().get("totals").isMerge()).isTrue();
	}

	@Test
	void shouldTypeFieldsSetByEarlierStepsForLaterSteps() {
		assertThat(reader.read(withSteps("- set: { big: \"amount > 100\" }\n- filter: big"), SpecFormat.YAML)).isNotNull();

		assertThatThrownBy(() -> reader.read(withSteps("- set: { big: \"amount > 100\" }\n- filter: \"big + 1 > 2\""),
				SpecFormat.YAML))
			.isInstanceOfSatisfying(SpecValidationException.class, failure -> assertThat(failure.problems())
				.singleElement()
				.satisfies(problem -> assertThat(problem.path()).isEqualTo("transforms.enriched.steps[1].filter"))
				.satisfies(problem -> assertThat(problem.message()).contains("'(bool, int)'")));
	}

	@Test
	void shouldTreatFieldsAsDynamicWhenNoSchemaIsDeclared() {
		String yaml = withSteps("- filter: \"anything > 3 && other.nested == 'x' && [1, 2].exists(i, i == size)\"")
			.replace("    eventTime: { field: ts, unit: seconds }\n", "")
			.replace("    fields: { id: int, amount: double, country: string, ts: int, merchant_id: string }\n", "");

		PipelineSpec spec = reader.read(yaml, SpecFormat.YAML).spec();

		assertThat(spec.sources().get("payments").hasSchema()).isFalse();
		assertThat(spec.sources().get("payments").eventTime()).isEqualTo(EventTime.recordTimestamp());
	}

	@Test
	void shouldExposeTheRecordKeyToExpressions() {
		String yaml = VALID.replace("    eventTime:", "    key: \"merchant_id + '/' + string(id)\"\n    eventTime:");

		Source payments = reader.read(yaml, SpecFormat.YAML).spec().sources().get("payments");

		assertThat(payments.key()).map(Expression::resultType).contains(SimpleType.STRING);
		assertThat(reader.read(withSteps("- keyBy: { field: merchant, expression: key }"), SpecFormat.YAML)).isNotNull();
	}

	@Test
	void shouldReportEveryProblemWithItsPath() {
		String yaml = VALID.replace("name: shop", "name: Shop")
			.replace("from: payments", "from: [payments, refunds]")
			.replace("amount > 0", "amout > 0")
			.replace("topic: enriched", "topic: payments") + "processing: { guarantee: maybe }\n";

		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read(yaml, SpecFormat.YAML));

		assertThat(failure.problems()).extracting(SpecProblem::path).containsExactly("name",
				"transforms.enriched.from[1]", "transforms.enriched.steps[0].filter", "processing.guarantee",
				"outputs[0].kafka.topic");
		assertThat(failure.getMessage()).startsWith("invalid pipeline spec (5 problems):")
			.contains("name: invalid pipeline name \"Shop\"");
	}

	@Test
	void shouldReportMalformedJsonWithLineAndColumn() {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read("{\n  \"name\": \"shop\",\n  \"sources\": }", SpecFormat.JSON));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEmpty();
			assertThat(problem.message()).startsWith("malformed JSON at line 3, column 14: Unexpected character ('}'");
		});
	}

	@Test
	void shouldRejectDuplicateJsonKeys() {
		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> reader.read("{\"name\": \"a\",\n \"name\": \"b\"}", SpecFormat.JSON));

		assertThat(failure.problems()).singleElement().extracting(SpecProblem::message).asString()
			.startsWith("malformed JSON at line 2").contains("duplicate field \"name\"");
	}

	@Test
	void shouldRejectDocumentsBeyondTheSizeLimit() {
		SpecReader small = new SpecReader(SpecLimits.defaults().withMaxDocumentBytes(100));

		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> small.read(VALID, SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().extracting(SpecProblem::message).asString()
			.contains("more than the limit of 100 bytes");
	}

	@Test
	void shouldRejectExpressionsBeyondTheLengthLimit() {
		SpecReader strict = new SpecReader(SpecLimits.defaults().withMaxExpressionLength(8));

		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> strict.read(withSteps("- filter: \"amount > 1000\""), SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("transforms.enriched.steps[0].filter");
			assertThat(problem.message()).contains("expression of 13 characters is longer than the limit of 8");
		});
	}

	@Test
	void shouldRejectMoreSourcesThanTheLimit() {
		SpecReader strict = new SpecReader(SpecLimits.defaults().withMaxSources(1));
		String yaml = VALID.replace("sources:\n", "sources:\n  refunds: { kafka: { topic: refunds } }\n");

		SpecValidationException failure = catchThrowableOfType(SpecValidationException.class,
				() -> strict.read(yaml, SpecFormat.YAML));

		assertThat(failure.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.path()).isEqualTo("sources");
			assertThat(problem.message()).contains("too many sources: 2; at most 1");
		});
	}

	@Test
	void shouldCompileEachExpressionOnceIntoACheckedTree() {
		Step.Filter filter = (Step.Filter) reader.read(VALID, SpecFormat.YAML).spec().transforms().get("enriched")
			.steps().getFirst();

		assertThat(filter.condition().ast().isChecked()).isTrue();
		assertThat(filter.condition().resultType()).isEqualTo(SimpleType.BOOL);
		assertThat(Optional.of(filter.condition().text())).contains("amount > 0");
	}

	@Test
	void shouldValidateASpecEmbeddedInAJsonRequest() {
		JsonNode request = JsonMapper.shared().readTree("""
				{"spec": {"name": "tiny", "sources": {"in": {"kafka": {"topic": "in"}}},
				          "outputs": [{"from": "in", "kafka": {"topic": "out"}}]}}""");

		ValidatedSpec validated = reader.read(request.get("spec"));

		assertThat(validated.spec().transforms()).isEmpty();
		assertThat(validated.spec().outputs()).containsExactly(new Output("in", KafkaTopic.json("out")));
	}

}
