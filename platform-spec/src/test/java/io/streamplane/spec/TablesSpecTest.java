package io.streamplane.spec;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code tables:} and {@code join} steps: what a valid spec binds to, and each problem at its path. */
class TablesSpecTest {

	private static final String SPEC = """
			name: shop
			sources:
			  payments:
			    kafka: { topic: payments }
			    fields: { id: int, amount: double, user_id: int }
			tables:
			  users:
			    postgresCdc: { table: public.users }
			    primaryKey: [id]
			  countries:
			    kafka: { topic: countries }
			    primaryKey: [code]
			transforms:
			  enriched:
			    from: payments
			    steps:
			      - join: { table: users, on: user_id, type: left }
			      - select: [id, amount, name]
			outputs:
			  - { from: enriched, kafka: { topic: enriched } }
			""";

	private final SpecReader reader = new SpecReader();

	@Test
	void shouldBindTablesAndJoins() {
		PipelineSpec spec = reader.read(SPEC, SpecFormat.YAML).spec();

		assertThat(spec.tables()).containsOnlyKeys("users", "countries");
		assertThat(spec.tables().get("users").source()).isEqualTo(new TableSource.PostgresCdc("public", "users"));
		assertThat(spec.tables().get("users").topic()).isEqualTo("sp.cdc.public.users");
		assertThat(spec.tables().get("countries").primaryKey()).isEqualTo(List.of("code"));
		Step.Join join = (Step.Join) spec.transforms().get("enriched").steps().getFirst();
		assertThat(join.table()).isEqualTo("users");
		assertThat(join.on().text()).isEqualTo("user_id");
		assertThat(join.type()).isEqualTo(JoinType.LEFT);
		assertThat(join.mode()).isEqualTo(JoinMode.REACTIVE);
	}

	@Test
	void shouldAcceptAPipelineOfTablesAlone() {
		String yaml = """
				name: users
				tables:
				  users: { postgresCdc: { table: users }, primaryKey: [id] }
				outputs:
				  - { from: users, kafka: { topic: user-changes } }
				""";

		assertThat(reader.read(yaml, SpecFormat.YAML).spec().tables().get("users").topic()).isEqualTo("sp.cdc.public.users");
	}

	@Test
	void shouldBindRightAndFullJoinsOfTables() {
		String yaml = SPEC.replace("from: payments", "from: countries").replace("on: user_id, type: left", "on: code, type: full")
			.replace("      - select: [id, amount, name]\n", "      - join: { table: users, on: owner, type: right }\n");

		List<Step> steps = reader.read(yaml, SpecFormat.YAML).spec().transforms().get("enriched").steps();

		assertThat(steps).extracting(step -> ((Step.Join) step).type()).containsExactly(JoinType.FULL, JoinType.RIGHT);
	}

	static Stream<Arguments> invalidSpecs() {
		return Stream.of(
				arguments("no primary key", SPEC.replace("    primaryKey: [code]\n", ""), "tables.countries.primaryKey",
						"missing required field 'primaryKey'"),
				arguments("empty primary key", SPEC.replace("[code]", "[]"), "tables.countries.primaryKey",
						"a primary key needs at least one field"),
				arguments("repeated primary-key field", SPEC.replace("[code]", "[code, code]"), "tables.countries.primaryKey[1]",
						"field 'code' is listed twice"),
				arguments("two table sources", SPEC.replace("kafka: { topic: countries }",
						"kafka: { topic: countries }\n    postgresCdc: { table: countries }"), "tables.countries",
						"a table reads either kafka: { topic: <topic> } or postgresCdc"),
				arguments("bad PostgreSQL table", SPEC.replace("public.users", "public.us-ers"), "tables.users.postgresCdc.table",
						"invalid PostgreSQL table \"public.us-ers\""),
				arguments("table named like a source", SPEC.replace("  countries:\n", "  payments:\n"), "tables.payments",
						"table 'payments' has the name of a source"),
				arguments("undefined table", SPEC.replace("table: users, on", "table: user, on"),
						"transforms.enriched.steps[0].join.table", "undefined table 'user'; did you mean 'users'?"),
				arguments("decimal join key", SPEC.replace("on: user_id", "on: amount"), "transforms.enriched.steps[0].join.on",
						"a join key must be a string, int, bool, or a list of them for a composite primary key, but \"amount\" is double"),
				arguments("unknown join type", SPEC.replace("type: left", "type: outer"), "transforms.enriched.steps[0].join.type",
						"unknown value \"outer\""),
				arguments("right join of a stream", SPEC.replace("type: left", "type: right"),
						"transforms.enriched.steps[0].join.type", "type: right also emits the rows of table 'users' that nothing " +
						"joins, which needs a table on the left; these records are a stream of events"),
				arguments("full lookup join of a stream", SPEC.replace("type: left", "type: full, mode: lookup"),
						"transforms.enriched.steps[0].join.type", "write type: left to keep every event, with or without a match"),
				arguments("window on a table", SPEC.replace("      - select: [id, amount, name]\n",
						"      - window: { tumbling: 1m }\n        aggregate: { n: \"count()\" }\n"),
						"transforms.enriched.steps[1]", "this step does not apply to a table"),
				arguments("lookup on a table", SPEC.replace("from: payments", "from: countries")
					.replace("on: user_id, type: left", "on: code, mode: lookup"), "transforms.enriched.steps[0].join.mode",
						"mode: lookup joins a stream of events"),
				arguments("merge of a table", SPEC.replace("from: payments", "from: [payments, countries]"),
						"transforms.enriched.from", "merging a table with other inputs is not supported"),
				arguments("table on a source topic", SPEC.replace("topic: countries", "topic: payments"),
						"tables.countries.kafka.topic", "topic 'payments' is also read by source 'payments'"),
				arguments("output into a table topic", SPEC.replace("topic: enriched", "topic: countries"),
						"outputs[0].kafka.topic", "output topic 'countries' is read by table 'countries'"));
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
