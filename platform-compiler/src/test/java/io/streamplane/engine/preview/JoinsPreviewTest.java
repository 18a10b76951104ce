package io.streamplane.engine.preview;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.json;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Joins of streams and tables through preview: the reactive contract, lookups, left joins, dead letters. */
class JoinsPreviewTest {

	private static final String CLICKS_WITH_USERS = """
			name: clicks-with-users
			sources:
			  clicks:
			    kafka: { topic: clicks }
			tables:
			  users:
			    postgresCdc: { table: public.users }
			    primaryKey: [id]
			transforms:
			  enriched:
			    from: clicks
			    steps:
			      - join: { table: users, on: user_id, type: %s%s }
			      - select: [page, user_id, name, plan]
			outputs:
			  - { from: enriched, kafka: { topic: enriched } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private static PreviewInput user(String key, String row) {
		return PreviewInput.tableChange("users", key, row == null ? null : json(row));
	}

	private static PreviewInput click(String page, int user) {
		return input("clicks", page, "{\"page\": \"" + page + "\", \"user_id\": " + user + "}");
	}

	private List<Object> run(String type, String mode, PreviewInput... inputs) {
		PreviewResult result = preview.run(spec(CLICKS_WITH_USERS.formatted(type, mode)), List.of(inputs));
		assertThat(result.deadLetters()).isEmpty();
		return values(result, "enriched");
	}

	@Test
	void shouldReEmitTheAffectedEventsWhenAUserChangesAndRetractThemWhenTheUserIsDeleted() {
		List<Object> changes = run("inner", "",
				user("{\"id\": 1}", "{\"id\": 1, \"name\": \"Ada\", \"plan\": \"free\"}"),
				user("{\"id\": 2}", "{\"id\": 2, \"name\": \"Bob\", \"plan\": \"free\"}"),
				click("/a", 1), click("/b", 2), click("/c", 1),
				user("{\"id\": 1}", "{\"id\": 1, \"name\": \"Ada\", \"plan\": \"pro\"}"),
				user("{\"id\": 2}", "{\"id\": 2, \"name\": \"Bob\", \"plan\": \"free\"}"),
				user("{\"id\": 1}", null));

		assertThat(changes).containsExactly(
				Previews.value("{\"op\": \"+\", \"page\": \"/a\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"free\"}"),
				Previews.value("{\"op\": \"+\", \"page\": \"/b\", \"user_id\": 2, \"name\": \"Bob\", \"plan\": \"free\"}"),
				Previews.value("{\"op\": \"+\", \"page\": \"/c\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"free\"}"),
				Previews.value("{\"op\": \"-\", \"page\": \"/a\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"free\"}"),
				Previews.value("{\"op\": \"+\", \"page\": \"/a\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"pro\"}"),
				Previews.value("{\"op\": \"-\", \"page\": \"/c\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"free\"}"),
				Previews.value("{\"op\": \"+\", \"page\": \"/c\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"pro\"}"),
				Previews.value("{\"op\": \"-\", \"page\": \"/a\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"pro\"}"),
				Previews.value("{\"op\": \"-\", \"page\": \"/c\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"pro\"}"));
	}

	@Test
	void shouldEmitAnUnmatchedEventOfALeftJoinAndReEmitItWhenItsUserArrives() {
		List<Object> changes = run("left", "", click("/a", 3), user("3", "{\"id\": 3, \"name\": \"Cy\", \"plan\": \"free\"}"));

		assertThat(changes).containsExactly(
				Previews.value("{\"op\": \"+\", \"page\": \"/a\", \"user_id\": 3}"),
				Previews.value("{\"op\": \"-\", \"page\": \"/a\", \"user_id\": 3}"),
				Previews.value("{\"op\": \"+\", \"page\": \"/a\", \"user_id\": 3, \"name\": \"Cy\", \"plan\": \"free\"}"));
	}

	@Test
	void shouldEnrichEachEventOnceInLookupMode() {
		List<Object> enriched = run("inner", ", mode: lookup",
				user("1", "{\"id\": 1, \"name\": \"Ada\", \"plan\": \"free\"}"),
				click("/a", 1), click("/b", 9),
				user("1", "{\"id\": 1, \"name\": \"Ada\", \"plan\": \"pro\"}"),
				click("/c", 1));

		assertThat(enriched).containsExactly(
				Previews.value("{\"page\": \"/a\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"free\"}"),
				Previews.value("{\"page\": \"/c\", \"user_id\": 1, \"name\": \"Ada\", \"plan\": \"pro\"}"));
	}

	@Test
	void shouldFollowAForeignKeyChangeOfATableRow() {
		String pipeline = """
				name: orders
				tables:
				  orders: { kafka: { topic: orders }, primaryKey: [order_id] }
				  customers: { kafka: { topic: customers }, primaryKey: [customer_id] }
				transforms:
				  joined:
				    from: orders
				    steps:
				      - join: { table: customers, on: customer_id }
				outputs:
				  - { from: joined, kafka: { topic: joined } }
				""";
		List<PreviewInput> inputs = new ArrayList<>();
		inputs.add(PreviewInput.tableChange("customers", "7", json("{\"customer_id\": 7, \"name\": \"Ada\"}")));
		inputs.add(PreviewInput.tableChange("customers", "8", json("{\"customer_id\": 8, \"name\": \"Linus\"}")));
		inputs.add(PreviewInput.tableChange("orders", "1", json("{\"order_id\": 1, \"customer_id\": 7}")));
		inputs.add(PreviewInput.tableChange("orders", "1", json("{\"order_id\": 1, \"customer_id\": 8}")));

		assertThat(values(preview.run(spec(pipeline), inputs), "joined")).containsExactly(
				Previews.value("{\"op\": \"+\", \"order_id\": 1, \"customer_id\": 7, \"name\": \"Ada\"}"),
				Previews.value("{\"op\": \"-\", \"order_id\": 1, \"customer_id\": 7, \"name\": \"Ada\"}"),
				Previews.value("{\"op\": \"+\", \"order_id\": 1, \"customer_id\": 8, \"name\": \"Linus\"}"));
	}

	@Test
	void shouldJoinTwoTablesOnThePrimaryKey() {
		String pipeline = """
				name: profiles
				tables:
				  users: { kafka: { topic: users }, primaryKey: [id] }
				  settings: { kafka: { topic: settings }, primaryKey: [user_id] }
				transforms:
				  profiles:
				    from: users
				    steps:
				      - join: { table: settings, on: id, type: left }
				      - select: [id, name, theme]
				outputs:
				  - { from: profiles, kafka: { topic: profiles } }
				""";
		List<PreviewInput> inputs = List.of(
				PreviewInput.tableChange("users", "1", json("{\"id\": 1, \"name\": \"Ada\"}")),
				PreviewInput.tableChange("settings", "1", json("{\"user_id\": 1, \"theme\": \"dark\"}")),
				PreviewInput.tableChange("users", "2", json("{\"id\": 2, \"name\": \"Bob\"}")),
				PreviewInput.tableChange("settings", "1", json("{\"user_id\": 1, \"theme\": \"light\"}")),
				PreviewInput.tableChange("users", "1", null));

		assertThat(values(preview.run(spec(pipeline), inputs), "profiles")).containsExactly(
				Previews.value("{\"op\": \"+\", \"id\": 1, \"name\": \"Ada\"}"),
				Previews.value("{\"op\": \"-\", \"id\": 1, \"name\": \"Ada\"}"),
				Previews.value("{\"op\": \"+\", \"id\": 1, \"name\": \"Ada\", \"theme\": \"dark\"}"),
				Previews.value("{\"op\": \"+\", \"id\": 2, \"name\": \"Bob\"}"),
				Previews.value("{\"op\": \"-\", \"id\": 1, \"name\": \"Ada\", \"theme\": \"dark\"}"),
				Previews.value("{\"op\": \"+\", \"id\": 1, \"name\": \"Ada\", \"theme\": \"light\"}"),
				Previews.value("{\"op\": \"-\", \"id\": 1, \"name\": \"Ada\", \"theme\": \"light\"}"));
	}

	@Test
	void shouldJoinOnACompositePrimaryKey() {
		String pipeline = """
				name: shipments
				tables:
				  shipments: { kafka: { topic: shipments }, primaryKey: [id] }
				  rates: { kafka: { topic: rates }, primaryKey: [country, service] }
				transforms:
				  priced:
				    from: shipments
				    steps:
				      - join: { table: rates, on: "[country, service]" }
				      - select: [id, price]
				outputs:
				  - { from: priced, kafka: { topic: priced } }
				""";
		List<PreviewInput> inputs = List.of(
				PreviewInput.tableChange("rates", "{\"country\": \"NL\", \"service\": \"express\"}",
						json("{\"country\": \"NL\", \"service\": \"express\", \"price\": 12}")),
				PreviewInput.tableChange("shipments", "1", json("{\"id\": 1, \"country\": \"NL\", \"service\": \"express\"}")),
				PreviewInput.tableChange("shipments", "2", json("{\"id\": 2, \"country\": \"NL\", \"service\": \"slow\"}")));

		assertThat(values(preview.run(spec(pipeline), inputs), "priced"))
			.containsExactly(Previews.value("{\"op\": \"+\", \"id\": 1, \"price\": 12}"));
	}

	@Test
	void shouldKeepARowWithoutAForeignKeyInALeftJoinOfTables() {
		String pipeline = """
				name: orders
				tables:
				  orders: { kafka: { topic: orders }, primaryKey: [order_id] }
				  customers: { kafka: { topic: customers }, primaryKey: [customer_id] }
				transforms:
				  joined:
				    from: orders
				    steps:
				      - join: { table: customers, on: customer_id, type: left }
				      - select: [order_id, name]
				outputs:
				  - { from: joined, kafka: { topic: joined } }
				""";
		List<PreviewInput> inputs = List.of(
				PreviewInput.tableChange("customers", "7", json("{\"customer_id\": 7, \"name\": \"Ada\"}")),
				PreviewInput.tableChange("orders", "1", json("{\"order_id\": 1, \"customer_id\": null}")),
				PreviewInput.tableChange("orders", "1", json("{\"order_id\": 1, \"customer_id\": 7}")));

		PreviewResult result = preview.run(spec(pipeline), inputs);

		assertThat(result.deadLetters()).isEmpty();
		assertThat(values(result, "joined")).containsExactly(
				Previews.value("{\"op\": \"+\", \"order_id\": 1}"),
				Previews.value("{\"op\": \"-\", \"order_id\": 1}"),
				Previews.value("{\"op\": \"+\", \"order_id\": 1, \"name\": \"Ada\"}"));
	}

	@Test
	void shouldDeadLetterBadTableRecordsAndBadJoinKeysWithTheirReasons() {
		PreviewResult result = preview.run(spec(CLICKS_WITH_USERS.formatted("inner", "")), List.of(
				PreviewInput.of("sp.cdc.public.users", "{\"id\": 4}", json("{\"name\": \"no id\"}")),
				PreviewInput.of("sp.cdc.public.users", "{\"id\": 5}", json("[1, 2]")),
				input("clicks", "/x", "{\"page\": \"/x\", \"user_id\": 1.5}"),
				input("clicks", "/y", "{\"page\": \"/y\", \"user_id\": {\"id\": 1}}")));

		assertThat(result.outputs().get("enriched")).isEmpty();
		assertThat(result.deadLetters()).extracting(DeadLetter::step).containsExactly("tables.users", "tables.users",
				"transforms.enriched.steps[0]", "transforms.enriched.steps[0]");
		assertThat(result.deadLetters()).extracting(DeadLetter::reason).satisfiesExactly(
				reason -> assertThat(reason).contains("no primary-key field 'id'"),
				reason -> assertThat(reason).contains("expected a JSON object"),
				reason -> assertThat(reason).contains("join key \"user_id\" must be a string, an integer or a bool, got a decimal number"),
				reason -> assertThat(reason).contains("join key \"user_id\" must be a string, an integer or a bool, got an object"));
	}

	@Test
	void shouldDeleteARowByATombstoneOrAnOpDeleteValue() {
		String pipeline = """
				name: users
				tables:
				  users: { kafka: { topic: users }, primaryKey: [id, region] }
				outputs:
				  - { from: users, kafka: { topic: user-changes } }
				""";
		PreviewResult result = preview.run(spec(pipeline), List.of(
				PreviewInput.of("users", null, json("{\"id\": 1, \"region\": \"eu\", \"name\": \"Ada\"}")),
				PreviewInput.of("users", null, json("{\"id\": 2, \"region\": \"eu\", \"name\": \"Bob\"}")),
				PreviewInput.of("users", null, json("{\"id\": 2, \"region\": \"eu\", \"name\": \"Bob\"}")),
				PreviewInput.of("users", "{\"region\": \"eu\", \"id\": 1}", null),
				PreviewInput.of("users", null, json("{\"op\": \"delete\", \"id\": 2, \"region\": \"eu\"}"))));

		assertThat(result.outputs().get("user-changes")).extracting(PreviewOutput::key)
			.containsExactly("[1,\"eu\"]", "[2,\"eu\"]", "[1,\"eu\"]", "[2,\"eu\"]");
		assertThat(values(result, "user-changes")).containsExactly(
				Previews.value("{\"op\": \"+\", \"id\": 1, \"region\": \"eu\", \"name\": \"Ada\"}"),
				Previews.value("{\"op\": \"+\", \"id\": 2, \"region\": \"eu\", \"name\": \"Bob\"}"),
				Previews.value("{\"op\": \"-\", \"id\": 1, \"region\": \"eu\", \"name\": \"Ada\"}"),
				Previews.value("{\"op\": \"-\", \"id\": 2, \"region\": \"eu\", \"name\": \"Bob\"}"));
	}

	@Test
	void shouldKeepTheJoinKeyOnceAndRenameOtherClashingTableFields() {
		String pipeline = """
				name: clicks
				sources:
				  clicks: { kafka: { topic: clicks } }
				tables:
				  users: { kafka: { topic: users }, primaryKey: [user_id] }
				  accounts: { kafka: { topic: accounts }, primaryKey: [id] }
				transforms:
				  joined:
				    from: clicks
				    steps:
				      - join: { table: users, on: user_id, mode: lookup }
				      - join: { table: accounts, on: account, mode: lookup }
				outputs:
				  - { from: joined, kafka: { topic: joined } }
				""";
		List<PreviewInput> inputs = new ArrayList<>();
		inputs.add(PreviewInput.tableChange("users", "7", json("{\"user_id\": 7, \"name\": \"Ada\", \"id\": 70}")));
		inputs.add(PreviewInput.tableChange("accounts", "a1", json("{\"id\": \"a1\", \"name\": \"Acme\"}")));
		inputs.add(Previews.input("clicks", "c1", "{\"id\": \"c1\", \"user_id\": 7, \"account\": \"a1\"}"));

		assertThat(values(preview.run(spec(pipeline), inputs), "joined")).containsExactly(Previews.value(
				"{\"id\": \"c1\", \"user_id\": 7, \"account\": \"a1\", \"name\": \"Ada\", \"users_id\": 70, "
						+ "\"accounts_id\": \"a1\", \"accounts_name\": \"Acme\"}"));
	}

	@Test
	void shouldEmitTheTableRowsThatNoRememberedEventMatchesInARightJoinAfterAReactiveJoin() {
		String pipeline = """
				name: unused-plans
				sources:
				  clicks: { kafka: { topic: clicks } }
				tables:
				  users: { postgresCdc: { table: public.users }, primaryKey: [id] }
				  plans: { kafka: { topic: plans }, primaryKey: [plan] }
				transforms:
				  plans_in_use:
				    from: clicks
				    steps:
				      - join: { table: users, on: user_id }
				      - join: { table: plans, on: plan, type: right }
				      - select: [plan, page, price]
				outputs:
				  - { from: plans_in_use, kafka: { topic: plans-in-use } }
				""";
		List<PreviewInput> inputs = List.of(
				PreviewInput.tableChange("plans", "free", json("{\"plan\": \"free\", \"price\": 0}")),
				PreviewInput.tableChange("plans", "pro", json("{\"plan\": \"pro\", \"price\": 9}")),
				user("1", "{\"id\": 1, \"plan\": \"free\"}"),
				click("/a", 1),
				user("1", "{\"id\": 1, \"plan\": \"pro\"}"));

		PreviewResult result = preview.run(spec(pipeline), inputs);

		assertThat(result.outputs().get("plans-in-use")).extracting(PreviewOutput::key, output -> output.value().toString())
			.containsExactly(
					tuple("plans/free", "{\"op\":\"+\",\"plan\":\"free\",\"price\":0}"),
					tuple("plans/pro", "{\"op\":\"+\",\"plan\":\"pro\",\"price\":9}"),
					tuple("clicks/0/0", "{\"op\":\"+\",\"plan\":\"free\",\"page\":\"/a\",\"price\":0}"),
					tuple("plans/free", "{\"op\":\"-\",\"plan\":\"free\",\"price\":0}"),
					tuple("plans/free", "{\"op\":\"+\",\"plan\":\"free\",\"price\":0}"),
					tuple("clicks/0/0", "{\"op\":\"-\",\"plan\":\"free\",\"page\":\"/a\",\"price\":0}"),
					tuple("clicks/0/0", "{\"op\":\"+\",\"plan\":\"pro\",\"page\":\"/a\",\"price\":9}"),
					tuple("plans/pro", "{\"op\":\"-\",\"plan\":\"pro\",\"price\":9}"));
	}

}
