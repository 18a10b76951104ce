package io.streamplane.spec;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.streamplane.spec.Specs.VALID;
import static io.streamplane.spec.Specs.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One invalid spec per case; each must be reported at the expected path with a message naming the problem. */
class SpecProblemsTest {

	private final SpecReader reader = new SpecReader();

	static Stream<Arguments> invalidSpecs() {
		return Stream.of(
				arguments("malformed YAML", "name: shop\nsources: [a\nb: 1\n", "", "malformed YAML at line 3, column 2"),
				arguments("duplicate YAML key", VALID + "name: again\n", "", "duplicate field \"name\""),
				arguments("YAML alias", VALID.replace("topic: enriched", "topic: &t enriched") + "description: *t\n", "",
						"YAML aliases (*name) are not supported"),
				arguments("not an object", "- name: shop\n", "", "expected an object with fields name, description"),
				arguments("empty document", "# nothing\n", "", "the document is empty"),
				arguments("unknown top-level field", VALID + "index: []\n", "index",
						"unknown field 'index'; did you mean 'indexes'? allowed: name, description, sources, tables, " +
								"transforms, outputs, features, indexes, processing"),
				arguments("empty name", VALID.replace("name: shop", "name: ''"), "name",
						"invalid pipeline name \"\"; a pipeline name is a DNS label"),
				arguments("invalid name", VALID.replace("name: shop", "name: Shop_1"), "name",
						"invalid pipeline name \"Shop_1\"; a pipeline name is a DNS label: 1 to 63 characters"),
				arguments("overlong name", VALID.replace("name: shop", "name: " + "a".repeat(64)), "name",
						"(64 characters); a pipeline name is a DNS label"),
				arguments("name of wrong type", VALID.replace("name: shop", "name: 5"), "name",
						"expected a string, got number 5"),
				arguments("missing sources", VALID.replace("sources:", "sourcez:"), "sources",
						"missing required field 'sources'"),
				arguments("lateness of wrong type", VALID.replace("    eventTime:", "    lateness: 5\n    eventTime:"),
						"sources.payments.lateness", "expected a duration like 5m, got number 5"),
				arguments("unknown field type", VALID.replace("ts: int", "ts: integer"), "sources.payments.fields.ts",
						"unknown value \"integer\"; did you mean 'int'? allowed: string, int, double, bool"),
				arguments("undefined source", VALID.replace("from: payments", "from: paymnts"), "transforms.enriched.from",
						"undefined input 'paymnts'; did you mean 'payments'? defined sources and transforms: payments, enriched"),
				arguments("bad CEL syntax", withSteps("- filter: \"amount >\""), "transforms.enriched.steps[0].filter",
						"syntax error in \"amount >\" at column 9"),
				arguments("unknown field in CEL", withSteps("- filter: \"amout > 0\""), "transforms.enriched.steps[0].filter",
						"undeclared reference to 'amout' (declared: id, amount, country, ts, merchant_id, key); " +
								"did you mean 'amount'?"),
				arguments("CEL type error", withSteps("- filter: \"country > 1\""), "transforms.enriched.steps[0].filter",
						"found no matching overload for '_>_' applied to '(string, int)'"),
				arguments("filter not bool", withSteps("- filter: \"amount * 2.0\""), "transforms.enriched.steps[0].filter",
						"a filter must be a bool expression, but \"amount * 2.0\" is double"),
				arguments("unknown CEL function", withSteps("- filter: \"isBig(amount)\""),
						"transforms.enriched.steps[0].filter", "unknown function 'isBig'"),
				arguments("bad duration", withSteps("- keyBy: merchant_id\n- window: { tumbling: 5 minutes }\n  aggregate: { n: \"count()\" }"),
						"transforms.enriched.steps[1].window.tumbling", "expected a duration like 5m, got \"5 minutes\""),
				arguments("misspelt window kind", withSteps("- window: { tumblng: 1m }\n  aggregate: { n: \"count()\" }"),
						"transforms.enriched.steps[0].window.tumblng",
						"unknown field 'tumblng'; did you mean 'tumbling'? allowed: tumbling, hopping, sliding, session, emit"),
				arguments("no window kind", withSteps("- window: { emit: final }\n  aggregate: { n: \"count()\" }"),
						"transforms.enriched.steps[0].window", "missing the window kind; use one of tumbling: 1m"),
				arguments("hopping advance beyond size",
						withSteps("- window: { hopping: { size: 1m, advance: 5m } }\n  aggregate: { n: \"count()\" }"),
						"transforms.enriched.steps[0].window.hopping.advance", "advance PT5M is longer than size PT1M"),
				arguments("unknown aggregate function", withSteps("- window: { tumbling: 1m }\n  aggregate: { m: \"median(amount)\" }"),
						"transforms.enriched.steps[0].aggregate.m", "unknown aggregate function 'median'; allowed: count, sum"),
				arguments("sum of a string", withSteps("- window: { tumbling: 1m }\n  aggregate: { s: \"sum(country)\" }"),
						"transforms.enriched.steps[0].aggregate.s", "sum needs a number, but \"country\" is string"),
				arguments("aggregate without window", withSteps("- aggregate: { n: \"count()\" }"),
						"transforms.enriched.steps[0].aggregate", "aggregate belongs to a window or rolling step"),
				arguments("misspelt step", withSteps("- flter: \"amount > 0\""), "transforms.enriched.steps[0].flter",
						"unknown step 'flter'; did you mean 'filter'?"),
				arguments("two steps in one", withSteps("- filter: \"amount > 0\"\n  select: [id]"),
						"transforms.enriched.steps[0]", "a step has exactly one key, got filter, select"),
				arguments("select of unknown field", withSteps("- select: [id, amont]"), "transforms.enriched.steps[0].select[1]",
						"unknown field 'amont'; did you mean 'amount'?"),
				arguments("field dropped by select", withSteps("- select: [id]\n- filter: \"amount > 0\""),
						"transforms.enriched.steps[1].filter", "undeclared reference to 'amount' (declared: id, key)"),
				arguments("field dropped by window", withSteps("- keyBy: merchant_id\n- window: { tumbling: 1m }\n  aggregate: { n: \"count()\" }\n- select: [amount]"),
						"transforms.enriched.steps[2].select[0]",
						"unknown field 'amount' (declared: merchant_id, window_start, window_end, n)"),
				arguments("explode of a non-list", withSteps("- explode: { field: c, from: \"country\" }"),
						"transforms.enriched.steps[0].explode.from", "explode needs a list expression, but \"country\" is string"),
				arguments("reserved field name", withSteps("- set: { key: \"id\" }"), "transforms.enriched.steps[0].set.key",
						"'key' is reserved for the record key"),
				arguments("cycle", VALID.replace("transforms:\n", "transforms:\n  a: { from: b }\n  b: { from: a }\n"),
						"transforms.a.from", "cycle among transforms: a -> b -> a"),
				arguments("duplicate output topic", VALID + "  - { from: payments, kafka: { topic: enriched } }\n",
						"outputs[1].kafka.topic", "duplicate output topic 'enriched', also written by outputs[0]"),
				arguments("output into a source topic", VALID.replace("topic: enriched", "topic: payments"),
						"outputs[0].kafka.topic", "output topic 'payments' is read by source 'payments'"),
				arguments("invalid topic name", VALID.replace("topic: enriched", "topic: 'en riched'"), "outputs[0].kafka.topic",
						"invalid topic name \"en riched\"; Kafka topic names have 1 to 249 characters"),
				arguments("misspelt guarantee", VALID + "processing: { guarantee: exactly_one }\n", "processing.guarantee",
						"unknown value \"exactly_one\"; did you mean 'exactly_once'? allowed: exactly_once, at_least_once"),
				arguments("no outputs", VALID.replace("  - { from: enriched, kafka: { topic: enriched } }\n", "") + "  []\n",
						"outputs", "an empty list of outputs"));
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

}
